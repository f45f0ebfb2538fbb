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

/// Everything `seriesctl status` shows about one series.
struct StatusReport {
    const Series* series = nullptr;
    std::vector<VersionSummary> versions;
    /// One line each about the trees: the newest version's tree moved past
    /// its base, a newer tarball is installed than imported, …
    std::vector<std::string> notes;
    std::string gates_of;  ///< the version whose gates are listed (the newest)
    std::vector<GateStatus> gates;
};

/// Colours a word for the terminal (identity when colour is off).
using Painter = std::function<std::string(const std::string& text, const char* ansi)>;

std::string render_status_text(const StatusReport& report, const Painter& paint);
nlohmann::json render_status_json(const StatusReport& report);

}  // namespace seriesctl::series
