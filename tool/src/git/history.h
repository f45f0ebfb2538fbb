#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "git/handle.h"

namespace seriesctl::git {

/// A commit as a report names it.
struct CommitSummary {
    std::string id;
    std::string subject;  ///< the first line of its message
    std::string author;   ///< "Name <address>"
    int64_t time = 0;     ///< author time, seconds since the epoch
};

CommitSummary summarise_commit(git_repository* repo, const git_oid& commit);

/// The commit of that full hex id, when the repository has one; nullopt
/// for anything else (another kind of object, a torn id).
std::optional<git_oid> find_commit(git_repository* repo, const std::string& hex);

/// Whether `ancestor` is `commit` or reachable from it (a tree rewritten
/// since, as linux-next is daily, answers no).
bool is_ancestor(git_repository* repo, const git_oid& ancestor, const git_oid& commit);

/// `git log --reverse --first-parent from..to -- paths`: the commits of
/// `to`'s first-parent line not reachable from `from`, oldest first, that
/// change any of `paths` against their first parent (a merge counts when it
/// brings such a change onto the line).
std::vector<git_oid> commits_touching(git_repository* repo, const git_oid& from, const git_oid& to,
                                      const std::vector<std::string>& paths);

}  // namespace seriesctl::git
