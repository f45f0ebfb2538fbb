#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lore/watch_plan.h"
#include "series/status_report.h"
#include "watch/drift_check.h"

namespace seriesctl::watch {

/// What one poll of `seriesctl watch` found, as shown to the user.
struct WatchReport {
    std::vector<lore::NewReply> replies;  ///< stored as reviews (ids given)
    std::vector<lore::RadarHit> radar;
    std::vector<std::string> notes;  ///< e.g. a thread not on the archive yet
    DriftReport drift;               ///< the series' target trees, checked
    size_t threads = 0;              ///< sent versions watched
    size_t requests = 0;
    uint64_t bytes = 0;  ///< received over HTTP, as sent (compressed)
    double seconds = 0;

    bool news() const { return !replies.empty() || !radar.empty() || !drift.news.empty(); }
};

/// Replies grouped by series, version and patch (a table), then the radar,
/// then the drift of target trees, then one line of figures.
std::string render_watch_text(const WatchReport& report, const series::Painter& paint);
nlohmann::json render_watch_json(const WatchReport& report);

}  // namespace seriesctl::watch
