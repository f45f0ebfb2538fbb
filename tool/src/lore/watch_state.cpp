#include "lore/watch_state.h"

namespace seriesctl::lore {

namespace {

// Bumped when the shape changes: an older cache is dropped and rebuilt.
constexpr int state_format = 1;

}  // namespace

nlohmann::json WatchState::to_json() const {
    nlohmann::json out = {{"format", state_format}};
    if (cursor) out["cursor"] = *cursor;
    for (const auto& [cover, thread] : threads)
        out["threads"][cover] = {{"subjects", thread.subjects}, {"files", thread.files}};
    for (const auto& [id, place] : index)
        out["index"][id] = {place.series, place.version, place.patch, place.date};
    out["radar_series"] = radar_series;
    out["radar_mails"] = radar_mails;
    return out;
}

std::optional<WatchState> WatchState::from_json(const nlohmann::json& json) {
    try {
        if (json.value("format", 0) != state_format) return std::nullopt;
        WatchState state;
        if (json.contains("cursor")) state.cursor = json.at("cursor").get<int64_t>();
        if (json.contains("threads"))
            for (const auto& [cover, thread] : json.at("threads").items())
                state.threads[cover] = {thread.at("subjects").get<std::set<std::string>>(),
                                        thread.at("files").get<std::set<std::string>>()};
        if (json.contains("index"))
            for (const auto& [id, place] : json.at("index").items())
                state.index[id] = {place.at(0).get<std::string>(), place.at(1).get<std::string>(), place.at(2).get<int>(),
                                   place.at(3).get<int64_t>()};
        state.radar_series = json.value("radar_series", std::map<std::string, int64_t>{});
        state.radar_mails = json.value("radar_mails", std::map<std::string, int64_t>{});
        return state;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

}  // namespace seriesctl::lore
