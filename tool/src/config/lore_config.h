#pragma once

#include <string>

namespace seriesctl::config {

/// The public-inbox archive `watch` polls, and how (config/lore.yaml).
struct LoreConfig {
    std::string url = "https://lore.kernel.org";
    std::string inbox = "all";
    int connect_timeout = 10;  ///< seconds
    int timeout = 60;          ///< seconds for a whole request
    int retries = 3;           ///< more tries after a 5xx or a failed connection
    int retry_delay_ms = 1000; ///< before the first retry; doubles each time
    int poll_interval = 600;   ///< seconds between polls, without --once
    int overlap = 86400;       ///< seconds each search reaches back before the last poll
    int radar_days = 30;       ///< how far back the radar's first search looks

    /// "<url>/<inbox>": message pages and searches hang below it.
    std::string archive() const;
};

/// Reads lore.yaml text over `base`: fields it leaves out keep their value.
/// Errors name file:line:col and the field.
LoreConfig parse_lore_config(const std::string& text, const std::string& file, LoreConfig base = {});

}  // namespace seriesctl::config
