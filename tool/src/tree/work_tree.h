#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "tree/tree_store.h"

namespace seriesctl::tree {

/// A checkout of `commit` at the tree's work-tree directory, sharing the
/// store's objects (objects/info/alternates). Reused when it holds that
/// commit already; a checkout that was interrupted is finished, and one
/// holding another commit is switched. Returns the directory.
std::filesystem::path ensure_work_tree(const TreeStore& store, const std::string& tree, const std::string& commit,
                                       const std::function<void(const std::string&)>& progress);

/// Opens (creating on first use) a non-bare repository at `dir` whose
/// objects come from the store through objects/info/alternates.
git::RepositoryPtr open_linked_repository(const std::filesystem::path& dir, const TreeStore& store);

/// Checks `tree` out into the repository's work tree, writing only the
/// files that differ from its index (FORCE: local edits are overwritten).
void checkout_tree_id(git_repository* repo, const git_oid& tree, const std::string& what);

}  // namespace seriesctl::tree
