#include "watch/drift_state.h"

#include <algorithm>

namespace seriesctl::watch {

namespace {

Standing standing_of(patch::Outcome outcome) {
    switch (outcome) {
    case patch::Outcome::clean: return Standing::clean;
    case patch::Outcome::conflict: return Standing::conflict;
    default: return Standing::moved;
    }
}

std::optional<Standing> standing_named(const std::string& name) {
    for (Standing standing : {Standing::clean, Standing::moved, Standing::conflict})
        if (to_string(standing) == name) return standing;
    return std::nullopt;
}

std::string hunk_outcome(const patch::HunkReport& hunk) {
    if (hunk.outcome == patch::Outcome::offset) return "offset " + std::to_string(hunk.offset);
    if (hunk.outcome == patch::Outcome::fuzz) return "fuzz " + std::to_string(hunk.fuzz);
    return patch::to_string(hunk.outcome);
}

}  // namespace

Standing standing_of(const patch::TreeReport& report) {
    Standing worst = Standing::clean;
    for (const auto& patch : report.patches) worst = std::max(worst, standing_of(patch.outcome()));
    return worst;
}

std::string to_string(Standing standing) {
    switch (standing) {
    case Standing::clean: return "clean";
    case Standing::moved: return "moved";
    case Standing::conflict: return "conflict";
    }
    return "";
}

const TargetCheck* DriftState::find(const std::string& series, const std::string& tree) const {
    for (const auto& check : checks)
        if (check.series == series && check.tree == tree) return &check;
    return nullptr;
}

void DriftState::put(const TargetCheck& check) {
    for (auto& each : checks)
        if (each.series == check.series && each.tree == check.tree) {
            each = check;
            return;
        }
    checks.push_back(check);
}

nlohmann::json DriftState::to_json() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& check : checks)
        list.push_back({{"series", check.series},
                        {"tree", check.tree},
                        {"version", check.version},
                        {"commit", check.commit},
                        {"patches", check.patches},
                        {"standing", to_string(check.standing)},
                        {"checked", check.checked}});
    return {{"drift", 1}, {"checks", list}};
}

std::optional<DriftState> DriftState::from_json(const nlohmann::json& json) {
    if (!json.is_object() || json.value("drift", 0) != 1 || !json.contains("checks") || !json["checks"].is_array())
        return std::nullopt;
    DriftState state;
    for (const auto& item : json["checks"]) {
        if (!item.is_object()) return std::nullopt;
        TargetCheck check;
        try {
            check.series = item.at("series").get<std::string>();
            check.tree = item.at("tree").get<std::string>();
            check.version = item.at("version").get<std::string>();
            check.commit = item.at("commit").get<std::string>();
            check.patches = item.at("patches").get<std::string>();
            check.checked = item.at("checked").get<int64_t>();
            auto standing = standing_named(item.at("standing").get<std::string>());
            if (!standing) return std::nullopt;
            check.standing = *standing;
        } catch (const nlohmann::json::exception&) {
            return std::nullopt;
        }
        state.checks.push_back(check);
    }
    return state;
}

bool is_news(const TargetCheck* before, const TargetCheck& now) {
    if (!before || before->version != now.version) return now.standing != Standing::clean;
    return before->standing != now.standing;
}

DriftSpot spot_of(const patch::TreeReport& report, Standing standing) {
    for (const auto& patch : report.patches)
        for (const auto& file : patch.files) {
            if (standing_of(file.outcome) != standing) continue;
            DriftSpot spot{patch.number, static_cast<int>(report.patches.size()), patch.subject, file.path, "",
                           file.problem};
            for (const auto& hunk : file.hunks)
                if (standing_of(hunk.outcome) == standing) {
                    spot.hunk = hunk.header;
                    spot.outcome = hunk_outcome(hunk);
                    break;
                }
            if (spot.outcome.empty()) spot.outcome = patch::to_string(file.outcome);
            return spot;
        }
    return {};
}

}  // namespace seriesctl::watch
