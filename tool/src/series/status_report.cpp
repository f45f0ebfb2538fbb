#include "series/status_report.h"

#include <algorithm>

#include "series/lifecycle.h"
#include "series/table.h"

namespace seriesctl::series {

namespace {

const char* colour_of(GateState state) {
    switch (state) {
    case GateState::passed: return "32";
    case GateState::failed: return "31";
    case GateState::stale: return "33";
    case GateState::open: return "33";
    }
    return "0";
}

int unaddressed(const Series& series, const Version& version) {
    return static_cast<int>(unaddressed_reviews(series, version).size());
}

int todo_lines(const Version& version) {
    return static_cast<int>(std::count_if(version.changelog.begin(), version.changelog.end(), is_todo));
}

// "2026-04-29": the sent date, else "-".
std::string sent_text(const Version& version) { return version.sent ? version.sent->date : "-"; }
std::string cover_text(const Version& version) {
    return version.sent && !version.sent->cover.empty() ? "<" + version.sent->cover + ">" : "-";
}

std::string base_text(const Base& base) {
    std::string at = !base.upstream.empty() ? base.upstream : base.commit.substr(0, 12);
    if (at.empty()) return base.tree.empty() ? "-" : base.tree;
    return (base.tree.empty() ? "" : base.tree + " @ ") + at;
}

std::string gate_detail(const GateStatus& gate) {
    if (gate.state == GateState::open || gate.state == GateState::stale) return gate.why;
    const Evidence& evidence = *gate.evidence;
    std::string text = evidence.date;
    if (!evidence.tree.empty()) text += ", " + evidence.tree;
    for (const auto& [name, value] : evidence.figures) text += ", " + name + " " + value;
    if (!evidence.forced.empty()) text += ", forced: " + evidence.forced;
    return text;
}

}  // namespace

std::string render_status_text(const StatusReport& report, const Painter& paint) {
    const Series& series = *report.series;
    std::string text = series.name + ": " + series.title + "\n";
    text += "prefix [" + series.prefix + "], change-id " + series.change_id + ", default tree " + series.tree + "\n\n";

    Table versions({"VERSION", "STATE", "PATCHES", "BASE", "SENT", "REVIEWS", "UNADDRESSED", "COVER"});
    for (const auto& summary : report.versions) {
        const Version& version = *summary.version;
        int open = unaddressed(series, version);
        versions.add({version.name(), to_string(version.state),
                      summary.patches < 0 ? paint("unreadable", "31") : std::to_string(summary.patches),
                      base_text(version.base), sent_text(version), std::to_string(version.reviews.size()),
                      open ? paint(std::to_string(open), "33") : "0", cover_text(version)});
    }
    text += versions.render();
    for (const auto& summary : report.versions)
        if (summary.patches < 0) text += paint("! ", "31") + summary.patch_problem + "\n";
    for (const auto& summary : report.versions)
        if (int count = todo_lines(*summary.version))
            text += summary.version->name() + " changelog: " + std::to_string(count) + " line" +
                    (count == 1 ? "" : "s") + " still to write (" + changelog_todo + " ...)\n";
    for (const auto& note : report.notes) text += paint("note: ", "33") + note + "\n";

    if (!report.gates.empty()) {
        text += "\ngates of " + report.gates_of + ":\n";
        Table gates({"GATE", "STATE", "DETAIL"});
        for (const auto& gate : report.gates)
            gates.add({gate.name, paint(to_string(gate.state), colour_of(gate.state)), gate_detail(gate)});
        text += gates.render();
    }

    if (!report.targets.empty()) {
        text += "\ntargets, as `watch` last checked them:\n";
        Table targets({"TREE", "SYNCED", "CHECKED", "VERSION", "COMMIT", "STANDING"});
        for (const auto& target : report.targets) {
            const char* colour = target.standing == "conflict" ? "31" : target.standing == "moved" ? "33" : "32";
            targets.add({target.tree, target.synced.empty() ? "-" : target.synced,
                         target.checked.empty() ? "never" : target.checked, target.version,
                         target.commit.substr(0, 12), target.standing.empty() ? "-" : paint(target.standing, colour)});
        }
        text += targets.render();
    }

    std::string open_reviews;
    for (const auto& summary : report.versions)
        for (const auto& review : summary.version->reviews)
            if (review.addressed_in.empty())
                open_reviews += "  " + summary.version->name() + " " +
                                (review.patch == 0 ? "cover" : "patch " + std::to_string(review.patch)) + "  " +
                                review.author + " (" + review.date + ")\n";
    if (!open_reviews.empty()) text += "\nreviews not yet addressed:\n" + open_reviews;
    return text;
}

nlohmann::json render_status_json(const StatusReport& report) {
    const Series& series = *report.series;
    nlohmann::json out;
    out["series"] = series.name;
    out["title"] = series.title;
    out["prefix"] = series.prefix;
    out["change_id"] = series.change_id;
    out["tree"] = series.tree;
    out["versions"] = nlohmann::json::array();
    for (const auto& summary : report.versions) {
        const Version& version = *summary.version;
        nlohmann::json item;
        item["version"] = version.name();
        item["state"] = to_string(version.state);
        item["patches"] = summary.patches < 0 ? nlohmann::json(nullptr) : nlohmann::json(summary.patches);
        if (!summary.patch_problem.empty()) item["patch_problem"] = summary.patch_problem;
        item["base"] = {{"tree", version.base.tree}, {"upstream", version.base.upstream}, {"commit", version.base.commit}};
        if (version.sent) item["sent"] = {{"date", version.sent->date}, {"cover", version.sent->cover}};
        item["reviews"] = version.reviews.size();
        item["unaddressed"] = unaddressed(series, version);
        item["changelog_placeholders"] = todo_lines(version);  // the key predates the name; scripts read it
        out["versions"].push_back(item);
    }
    out["notes"] = report.notes;
    out["gates_of"] = report.gates_of;
    out["gates"] = nlohmann::json::array();
    for (const auto& gate : report.gates) {
        nlohmann::json item = {{"name", gate.name}, {"state", to_string(gate.state)}};
        if (!gate.why.empty()) item["why"] = gate.why;
        if (gate.evidence) {
            item["date"] = gate.evidence->date;
            item["figures"] = gate.evidence->figures;
        }
        out["gates"].push_back(item);
    }
    out["targets"] = nlohmann::json::array();
    for (const auto& target : report.targets)
        out["targets"].push_back({{"tree", target.tree},
                                  {"synced", target.synced},
                                  {"checked", target.checked},
                                  {"version", target.version},
                                  {"commit", target.commit},
                                  {"standing", target.standing}});
    return out;
}

}  // namespace seriesctl::series
