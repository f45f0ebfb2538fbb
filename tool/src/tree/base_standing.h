#pragma once

#include <optional>
#include <string>

#include "config/tree_config.h"
#include "series/series.h"
#include "tree/tree_store.h"

namespace seriesctl::tree {

/// Where a version's base stands against its tree as the cache has it now.
/// A tree that moved past the base is the normal state of a series waiting
/// for review, not an error: verbs work on the tip and say so. Only a base
/// found nowhere is a problem.
struct BaseStanding {
    enum class State {
        tip,           ///< the base is the tree's tip
        moved,         ///< the tree moved past the base (a newer release, later commits)
        tree_missing,  ///< the tree is not in the cache: nothing to compare with
        lost,          ///< the base is not upstream of the tip nor anywhere in the store
    };
    State state = State::tree_missing;
    std::string tree;
    std::string version;   ///< "v2"
    std::string base;      ///< how the version names its base: "v6.12.117", a short commit id
    std::string tip;       ///< the tree's tip commit in the store ("" when tree_missing)
    std::string tip_name;  ///< "v6.12.118", or a short commit id
    std::string problem;   ///< for lost: why, one sentence

    /// One line for status, check and build; "" when the base is the tip.
    std::string note() const;
};

/// Places `version`'s base on `tree_name`'s tip: `tip` when the caller
/// has just imported or checked it out, else the tip the store holds (no
/// import, no network).
BaseStanding base_standing(const config::TreeConfig& trees, const TreeStore& store, const std::string& tree_name,
                           const series::Version& version, std::optional<std::string> tip = std::nullopt);

/// The upstream release a commit of the store is, read from its Makefile;
/// "" when it has none.
std::string release_of_commit(const TreeStore& store, const std::string& commit);

/// How `rebase --onto` records a tree's tip as a version's base: a tarball
/// tree by its release, a remote or series tree by the commit.
series::Base base_at_tip(const config::TreeSpec& tree, const TreeStore& store, const std::string& tip);

}  // namespace seriesctl::tree
