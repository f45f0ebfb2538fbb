#pragma once

#include <functional>
#include <string>
#include <vector>

#include "config/lore_config.h"
#include "config/tree_config.h"
#include "tree/tree_store.h"

namespace seriesctl::tree {

/// What a series tree was built from, as b4 declares it under a cover
/// letter: the public commit it starts from and the patch-ids of the series
/// applied on top (`prerequisite-patch-id:`).
struct SeriesTreeBase {
    std::string base_commit;
    std::vector<std::string> prerequisite_patch_ids;
};

/// Builds a series tree: each series of `tree.apply` is fetched from the lore
/// archive by message-id with `b4 am` (trailers collected, as b4 does) and
/// applied in memory, in order, onto the base tree's tip; the commits become
/// the tree's tip and refs/tree-bases/<name> keeps the base. A series that
/// does not apply any more is an Error naming the patch and hunk, and no ref
/// moves. Returns the new tip.
std::string sync_series_tree(const config::TreeSpec& tree, const TreeStore& store, const config::LoreConfig& lore,
                             const std::function<void(const std::string&)>& progress);

/// The base and prerequisites of a synced series tree.
SeriesTreeBase series_tree_base(const TreeStore& store, const std::string& tree);

}  // namespace seriesctl::tree
