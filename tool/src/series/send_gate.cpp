#include "series/send_gate.h"

#include "series/lifecycle.h"

namespace seriesctl::series {

namespace {

// The excerpt's first words, cut at a word boundary.
std::string excerpt_start(const std::string& excerpt, size_t length = 60) {
    if (excerpt.size() <= length) return excerpt;
    size_t cut = excerpt.rfind(' ', length);
    return excerpt.substr(0, cut == std::string::npos || cut == 0 ? length : cut) + " …";
}

}  // namespace

std::vector<std::string> send_blockers(const Series& series, const Version& version,
                                       const std::vector<GateStatus>& gates) {
    std::vector<std::string> blockers;
    for (const auto& gate : gates) {
        if (gate.state == GateState::passed) continue;
        std::string line = "gate " + gate.name + " is " + to_string(gate.state);
        if (!gate.why.empty()) line += ": " + gate.why;
        blockers.push_back(line);
    }
    if (version.number > 1) {
        const Version& previous = series.versions[static_cast<size_t>(version.number - 2)];
        for (const Review* review : unaddressed_reviews(series, previous))
            blockers.push_back("review " + review->id + " by " + review->author + " on " +
                               (review->patch ? "patch " + std::to_string(review->patch) : std::string("the cover")) +
                               " is not addressed: \"" + excerpt_start(review->excerpt) + "\"");
    }
    for (const auto& entry : version.changelog)
        if (is_todo(entry))
            blockers.push_back("changelog line of " + version.name() + " still to write: \"" + entry.text + "\"");
    return blockers;
}

}  // namespace seriesctl::series
