#pragma once

#include <optional>
#include <string>

#include "git/handle.h"

namespace seriesctl::git {

/// The content of the blob whose id starts with `prefix` (the abbreviated
/// ids of a diff's "index" line); nullopt when the store does not have it
/// or the prefix is ambiguous.
std::optional<std::string> find_blob(git_repository* repo, const std::string& prefix);

/// A 3-way merge of one file's text (libgit2's git_merge_file, as
/// `git am -3` does): the merged text, or nullopt when the sides conflict.
std::optional<std::string> merge_file(const std::string& ancestor, const std::string& ours, const std::string& theirs);

struct Signature {
    std::string name, email;
    long long time = 0;  ///< seconds since the epoch
    int offset = 0;      ///< minutes east of UTC
};

/// Writes a commit of `tree` on `parent`; author and committer are `who`,
/// so the same patch on the same base gives the same commit id.
git_oid write_commit(git_repository* repo, const git_oid& tree, const git_oid& parent, const Signature& who,
                     const std::string& message);

/// Attaches `text` to `commit` as a note under `notes_ref`, replacing any.
void write_note(git_repository* repo, const std::string& notes_ref, const git_oid& commit, const Signature& who,
                const std::string& text);

}  // namespace seriesctl::git
