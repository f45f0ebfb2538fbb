#pragma once

#include <functional>
#include <string>
#include <vector>

#include "config/tree_config.h"
#include "lifecycle/range_diff.h"
#include "repo/project.h"
#include "tree/tree_store.h"

namespace seriesctl::lifecycle {

struct VersionDiff {
    std::string series, old_version, new_version;
    std::vector<PatchPair> pairs;
};

/// A range-diff of two versions of a series. Patches are paired and
/// classified from their files; for every changed pair the interdiff is
/// `git range-diff` of the two commits, which are materialised in memory
/// (libgit2) on each version's base in the tree store (its tree's tip when
/// the store does not have that base: the tree moved), with no ref and no
/// work tree. A version whose tree is not in the cache, or whose patches
/// do not apply, is an Error.
/// `progress` is told before the (seconds long) apply.
VersionDiff diff_versions(const repo::Project& project, const config::TreeConfig& trees, const std::string& series,
                          const std::string& old_version, const std::string& new_version, const tree::TreeStore& store,
                          const std::function<void(const std::string&)>& progress);

}  // namespace seriesctl::lifecycle
