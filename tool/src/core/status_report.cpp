#include "core/status_report.h"

#include "core/table.h"

namespace seriesctl {

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

int unaddressed(const Version& version) {
    int count = 0;
    for (const auto& review : version.reviews)
        if (review.addressed_in.empty()) ++count;
    return count;
}

std::string base_text(const Base& base) {
    if (base.commit.empty()) return base.tree.empty() ? "-" : base.tree;
    return (base.tree.empty() ? "" : base.tree + " @ ") + base.commit.substr(0, 12);
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

    Table versions({"VERSION", "STATE", "PATCHES", "BASE", "SENT", "REVIEWS", "UNADDRESSED"});
    for (const auto& summary : report.versions) {
        const Version& version = *summary.version;
        versions.add({version.name(), to_string(version.state),
                      summary.patches < 0 ? paint("unreadable", "31") : std::to_string(summary.patches),
                      base_text(version.base), version.sent ? version.sent->date : "-",
                      std::to_string(version.reviews.size()), std::to_string(unaddressed(version))});
    }
    text += versions.render();
    for (const auto& summary : report.versions)
        if (summary.patches < 0) text += paint("! ", "31") + summary.patch_problem + "\n";

    if (!report.gates.empty()) {
        text += "\ngates of " + report.gates_of + ":\n";
        Table gates({"GATE", "STATE", "DETAIL"});
        for (const auto& gate : report.gates)
            gates.add({gate.name, paint(to_string(gate.state), colour_of(gate.state)), gate_detail(gate)});
        text += gates.render();
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
        item["base"] = {{"tree", version.base.tree}, {"commit", version.base.commit}};
        if (version.sent) item["sent"] = {{"date", version.sent->date}, {"cover", version.sent->cover}};
        item["reviews"] = version.reviews.size();
        item["unaddressed"] = unaddressed(version);
        out["versions"].push_back(item);
    }
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
    return out;
}

}  // namespace seriesctl
