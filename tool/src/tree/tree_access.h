#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "config/tree_config.h"
#include "tree/tree_store.h"

namespace seriesctl::tree {

/// A tree ready to read files from: its tip commit and a work tree there.
struct TreeCheckout {
    std::string name;
    std::string commit;
    std::filesystem::path dir;
};

/// The tree's tip commit. A tarball tree is imported on first use (it is
/// local and offline); a remote or series tree has one only once synced.
std::optional<std::string> tree_tip(const config::TreeSpec& tree, const TreeStore& store,
                                    const std::function<void(const std::string&)>& progress);

/// The tree's tip, checked out. A tarball tree is imported on first use
/// (it is local and offline); a remote or series tree must have been
/// synced, else the Error says which command to run.
TreeCheckout checkout_tree(const config::TreeSpec& tree, const TreeStore& store,
                           const std::function<void(const std::string&)>& progress);

}  // namespace seriesctl::tree
