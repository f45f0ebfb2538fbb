#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace seriesctl::lore {

/// Where a mail sits in the watched threads: which series and version, and
/// which patch it belongs to (0 = the cover letter).
struct ThreadPlace {
    std::string series;
    std::string version;
    int patch = 0;
    int64_t date = 0;  ///< the mail's Date (0 unknown): old mail need not be left out of queries

    bool operator==(const ThreadPlace&) const = default;
};

/// What the whole fetch of one version's thread taught us.
struct ThreadInfo {
    std::set<std::string> subjects;  ///< subjects without "Re:" and "[PATCH …]": the search terms
    std::set<std::string> files;     ///< files the version's patches touch: the radar's terms
};

/// What `watch` remembers between polls (in the cache, not the series file):
/// losing it costs a refetch of every thread, never a duplicate review, since
/// reviews are matched to the series file by message-id.
struct WatchState {
    std::optional<int64_t> cursor;                ///< the server's time at the last poll
    std::map<std::string, ThreadInfo> threads;    ///< cover message-id → fetched whole
    std::map<std::string, ThreadPlace> index;     ///< message-id → its place
    std::map<std::string, int64_t> radar_series;  ///< root message-ids already reported → when
    std::map<std::string, int64_t> radar_mails;   ///< radar mails seen → their date

    nlohmann::json to_json() const;
    /// Nothing when the JSON is not a state this version wrote (then the
    /// cache is simply rebuilt).
    static std::optional<WatchState> from_json(const nlohmann::json& json);
};

}  // namespace seriesctl::lore
