#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "patch/apply_report.h"

namespace seriesctl::watch {

/// How a version goes onto a tree, as the drift alarm tells changes apart:
/// `moved` (offset, fuzz or a 3-way merge: `git am -3` still takes it) is a
/// note, `conflict` an alarm.
enum class Standing { clean, moved, conflict };

Standing standing_of(const patch::TreeReport& report);
std::string to_string(Standing standing);

/// The last check of one target tree of one series.
struct TargetCheck {
    std::string series, tree, version;
    std::string commit;  ///< the tree's tip the version was tried on
    std::string patches;  ///< the version's patch-ids, hashed: a rewritten ready version is tried again
    Standing standing = Standing::clean;
    int64_t checked = 0;  ///< when, seconds since the epoch
};

/// What the drift alarm remembers between polls: one check per series and
/// target. Kept in the cache; losing it costs one baseline check.
struct DriftState {
    std::vector<TargetCheck> checks;

    const TargetCheck* find(const std::string& series, const std::string& tree) const;
    void put(const TargetCheck& check);  ///< replaces the series' and tree's check

    nlohmann::json to_json() const;
    /// nullopt for anything not written by to_json (a foreign or torn file).
    static std::optional<DriftState> from_json(const nlohmann::json& json);
};

/// Whether `now` is news against what was remembered: a different standing
/// than the last check of the same version, or the first check of a version
/// (a new one, or a lost cache) that does not apply cleanly. A check that
/// stays where it was is said once, when it got there.
bool is_news(const TargetCheck* before, const TargetCheck& now);

/// The first patch, file and hunk at the report's standing: what an alarm
/// names.
struct DriftSpot {
    int patch = 0;    ///< 1-based; 0 when the report has no such patch
    int patches = 0;  ///< how many the version has
    std::string subject, file;
    std::string hunk;     ///< its "@@ … @@ function" header
    std::string outcome;  ///< "offset 4", "fuzz 1", "3-way", "conflict", or a
                          ///< whole-file problem
};
DriftSpot spot_of(const patch::TreeReport& report, Standing standing);

}  // namespace seriesctl::watch
