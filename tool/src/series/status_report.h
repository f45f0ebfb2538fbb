#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "series/gate.h"
#include "series/series.h"

namespace seriesctl::series {

struct VersionSummary {
    const Version* version = nullptr;
    int patches = -1;           ///< -1 when the patch files cannot be read
    std::string patch_problem;  ///< why not
};

/// A target tree of the series as `watch`'s drift alarm last saw it.
struct TargetStanding {
    std::string tree;
    std::string synced;    ///< ISO 8601 time of its last sync; "" when never (or a tarball tree)
    std::string checked;   ///< of watch's last check; "" when never
    std::string version;   ///< the version checked
    std::string commit;    ///< the tree's tip it was tried on
    std::string standing;  ///< "clean", "moved" (offset, fuzz, 3-way) or "conflict"
};

/// Everything `seriesctl status` shows about one series.
struct StatusReport {
    const Series* series = nullptr;
    std::vector<VersionSummary> versions;
    /// One line each about the trees: the newest version's tree moved past
    /// its base, a newer tarball is installed than imported, …
    std::vector<std::string> notes;
    std::string gates_of;  ///< the version whose gates are listed (the newest)
    std::vector<GateStatus> gates;
    std::vector<TargetStanding> targets;  ///< the series' targets, in its order
};

/// Colours a word for the terminal (identity when colour is off).
using Painter = std::function<std::string(const std::string& text, const char* ansi)>;

std::string render_status_text(const StatusReport& report, const Painter& paint);
nlohmann::json render_status_json(const StatusReport& report);

}  // namespace seriesctl::series
