#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "tree/tree_store.h"

namespace seriesctl {

/// A checkout of `commit` at the tree's work-tree directory, sharing the
/// store's objects (objects/info/alternates). Reused when it holds that
/// commit already; a checkout that was interrupted is finished, and one
/// holding another commit is switched. Returns the directory.
std::filesystem::path ensure_work_tree(const TreeStore& store, const std::string& tree, const std::string& commit,
                                       const std::function<void(const std::string&)>& progress);

}  // namespace seriesctl
