#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/tree_config.h"
#include "patch/apply_report.h"
#include "repo/project.h"
#include "series/series.h"
#include "tree/series_tree.h"
#include "tree/tree_store.h"

namespace seriesctl::rebase {

using ProgressFn = std::function<void(const std::string&)>;

/// Which version of which series, by name ("" = the only series, the newest version).
struct VersionRef {
    std::string series;
    std::string version;
};

/// Applies the version's patches in memory on the tip of each tree named
/// in `names`; when none are, the series' targets, else every configured
/// tree. A remote or series tree that was never synced is reported as
/// missing, not tried.
patch::RebaseCheckReport check_version(const repo::Project& project, const VersionRef& ref,
                                       const config::TreeConfig& config, const std::vector<std::string>& names,
                                       const tree::TreeStore& store, const ProgressFn& progress);

struct RebaseOutcome {
    std::string series, version;
    patch::TreeReport report;
    /// For a series tree (rga3): what a cover letter of the version declares,
    /// as b4 does, since the tree's own commits are local.
    std::optional<tree::SeriesTreeBase> declares;
    std::string tip;                            ///< the last rebased commit, when everything applied
    std::vector<std::filesystem::path> written;  ///< the version's files, rewritten
    series::Base base;                                   ///< the base recorded, when written
};

/// Rebases a version onto a tree's tip. When every patch applies, its
/// commits are written to the store (kept by refs/seriesctl/<series>/<vN>),
/// the version's files are written again with git format-patch, each
/// atomically and only once all are ready, and the tip is recorded as the
/// base (a tarball tree by its release, others by commit). Otherwise nothing is written. A version that was sent keeps its
/// files: that is an Error.
RebaseOutcome rebase_version(const repo::Project& project, const VersionRef& ref, const config::TreeSpec& tree,
                             const tree::TreeStore& store, const ProgressFn& progress);

}  // namespace seriesctl::rebase
