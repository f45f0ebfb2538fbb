#include "series/gate.h"

#include <algorithm>

namespace seriesctl::series {

bool evidence_is_current(const Evidence& evidence, const CurrentContent& now, std::string* why) {
    auto say = [&](const std::string& text) {
        if (why) *why = text;
        return false;
    };
    if (evidence.taken_on.size() != now.patches.size())
        return say("taken on " + std::to_string(evidence.taken_on.size()) + " patches, the version has " +
                   std::to_string(now.patches.size()));
    for (size_t i = 0; i < now.patches.size(); ++i) {
        const auto& then = evidence.taken_on[i];
        const auto& current = now.patches[i];
        bool same = evidence.binding == Binding::content ? then.content == current.content
                                                         : then.patch_id == current.patch_id;
        if (!same) return say("patch " + std::to_string(i + 1) + " changed since " + evidence.date);
    }
    if (evidence.binding == Binding::code) {
        std::string taken_on = (evidence.tree.empty() ? "" : evidence.tree + " @ ") + evidence.commit.substr(0, 12);
        if (!evidence.commit.empty() && now.base.empty())
            return say("taken on " + taken_on + "; the tree is not in the cache to compare with");
        if (!evidence.commit.empty() && evidence.commit != now.base)
            return say("taken on " + taken_on + ", now on " + now.base.substr(0, 12));
        if (!evidence.config.empty() && evidence.config != now.config)
            return say("the config fragments changed since " + evidence.date);
    }
    return true;
}

std::vector<GateStatus> gate_statuses(const Series& series, const Version& version, const CurrentContent& now) {
    std::vector<std::string> names = series.required_gates;
    for (const auto& [name, evidence] : version.gates)
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    std::vector<GateStatus> statuses;
    for (const auto& name : names) {
        GateStatus status;
        status.name = name;
        auto found = version.gates.find(name);
        if (found == version.gates.end()) {
            status.state = GateState::open;
            status.why = "no evidence";
        } else {
            status.evidence = &found->second;
            if (!evidence_is_current(found->second, now, &status.why))
                status.state = GateState::stale;
            else
                status.state = found->second.verdict == Verdict::passed ? GateState::passed : GateState::failed;
        }
        statuses.push_back(status);
    }
    return statuses;
}

std::string to_string(GateState state) {
    switch (state) {
    case GateState::open: return "open";
    case GateState::passed: return "passed";
    case GateState::failed: return "failed";
    case GateState::stale: return "stale";
    }
    return "?";
}

}  // namespace seriesctl::series
