#pragma once

#include <functional>
#include <string>

#include "config/lore_config.h"
#include "config/tree_config.h"
#include "tree/tree_store.h"

namespace seriesctl::tree {

struct SyncResult {
    std::string tree;
    std::string previous;  ///< the tip before, "" when the tree is new
    std::string commit;    ///< the tip now
};

/// Brings a tree's tip in the shared store up to date: a remote tree is
/// fetched (libgit2, objects shared with every other tree), a series tree is
/// built again from lore, a tarball tree is imported. A failure (say an
/// unreachable remote) is an Error and leaves the tree's ref as it was.
SyncResult sync_tree(const config::TreeSpec& tree, const TreeStore& store, const config::LoreConfig& lore,
                     const std::function<void(const std::string&)>& progress);

}  // namespace seriesctl::tree
