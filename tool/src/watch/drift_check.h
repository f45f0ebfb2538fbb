#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/lore_config.h"
#include "config/tree_config.h"
#include "git/history.h"
#include "repo/project.h"
#include "tree/tree_store.h"
#include "watch/drift_state.h"

namespace seriesctl::watch {

/// A target tree on which a version's standing changed since the last poll.
struct DriftNews {
    TargetCheck now;
    std::optional<TargetCheck> before;  ///< nullopt: the first check of this version on the tree
    DriftSpot spot;                     ///< the patch, file and hunk at the new standing
    /// The first tree commit at the new standing, found by trying the version
    /// on the commits between the last check and the tip that touch its files.
    std::optional<git::CommitSummary> first;
    size_t touching = 0;  ///< commits between the two checks that touch the version's files
    std::string unnamed;  ///< why no first commit could be named (history rewritten, commit gone)
};

struct DriftReport {
    std::vector<DriftNews> news;
    std::vector<TargetCheck> checked;  ///< every target checked this poll
    std::vector<std::string> notes;    ///< a target not configured, not synced, a sync that failed
};

struct DriftOptions {
    int64_t now = 0;  ///< seconds since the epoch
    std::function<void(const std::string&)> progress;
};

/// The drift alarm, run by every `watch` poll: for each series, the newest
/// version that is ready or sent is tried in memory on the tip of each of
/// its target trees, after syncing a remote or series tree whose last sync
/// is older than its sync-age. A change of standing is news, said once; a
/// sync that fails is a note, and the check uses what the cache has. The
/// checks are remembered in ~/.cache/seriesctl/watch/.
DriftReport check_drift(const repo::Project& project, const config::TreeConfig& trees, const config::LoreConfig& lore,
                        const tree::TreeStore& store, const DriftOptions& options);

/// What the drift alarm remembers for this checkout (empty before its first
/// poll).
DriftState load_drift_state(const repo::Project& project);

}  // namespace seriesctl::watch
