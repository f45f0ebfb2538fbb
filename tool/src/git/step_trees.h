#pragma once

#include <string>
#include <vector>

#include "core/patch.h"
#include "git/handle.h"

namespace seriesctl::git {

/// The tree after each patch, built in memory with libgit2
/// (git_apply_to_tree, no work tree): [0] is the base commit's tree,
/// [k] the tree after patch k. A patch that does not apply exactly is an
/// Error naming it (rebase the version first).
std::vector<git_oid> step_trees(git_repository* repo, const std::string& base_commit,
                                const std::vector<PatchFile>& patches);

/// Reads files of one tree in the object store.
class TreeReader {
public:
    TreeReader(git_repository* repo, const git_oid& tree);
    /// A file's content; empty when there is no such file.
    std::string read(const std::string& path) const;
    /// Paths of the files in a directory whose name ends with `suffix`.
    std::vector<std::string> list(const std::string& dir, const std::string& suffix) const;

private:
    git_repository* repo_;
    TreePtr tree_;
};

}  // namespace seriesctl::git
