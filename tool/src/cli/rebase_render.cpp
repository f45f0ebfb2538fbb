#include "cli/rebase_render.h"

#include "series/table.h"

namespace seriesctl::cli {

namespace {

// Enough lines of a conflict to see what moved; the JSON has them all.
constexpr size_t shown_mismatches = 6;

const char* colour_of(patch::Outcome outcome) {
    switch (outcome) {
    case patch::Outcome::clean: return "32";
    case patch::Outcome::offset:
    case patch::Outcome::fuzz:
    case patch::Outcome::merged: return "33";
    case patch::Outcome::conflict: return "31";
    }
    return "0";
}

std::string number_of(const patch::PatchReport& patch, size_t total) {
    return std::to_string(patch.number) + "/" + std::to_string(total);
}

std::string hunk_result(const patch::HunkReport& hunk) {
    switch (hunk.outcome) {
    case patch::Outcome::clean: return "clean at line " + std::to_string(hunk.line);
    case patch::Outcome::offset:
        return "offset " + std::to_string(hunk.offset) + " (at line " + std::to_string(hunk.line) + ")";
    case patch::Outcome::fuzz:
        return "fuzz " + std::to_string(hunk.fuzz) + ", offset " + std::to_string(hunk.offset) + " (at line " +
               std::to_string(hunk.line) + ")";
    case patch::Outcome::merged: return "3-way merged";
    case patch::Outcome::conflict: return "conflict; closest match at line " + std::to_string(hunk.line);
    }
    return "?";
}

// The hunks of a patch that did not go on clean, and why.
std::string details(const std::string& where, const patch::PatchReport& patch, size_t total,
                    const series::Painter& paint) {
    std::string text;
    for (const auto& file : patch.files) {
        if (file.outcome == patch::Outcome::clean) continue;
        text += where + number_of(patch, total) + " " + file.path + ": " +
                paint(file.problem.empty() ? to_string(file.outcome) : file.problem, colour_of(file.outcome)) + "\n";
        for (const auto& hunk : file.hunks) {
            if (hunk.outcome == patch::Outcome::clean) continue;
            text += "  " + hunk.header + "\n    " + paint(hunk_result(hunk), colour_of(hunk.outcome)) + "\n";
            for (size_t i = 0; i < hunk.mismatches.size() && i < shown_mismatches; ++i) {
                const auto& m = hunk.mismatches[i];
                text += "    line " + std::to_string(m.line) + ": expected '" + m.expected + "'\n" +
                        std::string(11 + std::to_string(m.line).size(), ' ') + "   found " +
                        (m.past_end ? "the end of the file" : "'" + m.found + "'") + "\n";
            }
            if (hunk.mismatches.size() > shown_mismatches)
                text += "    … " + std::to_string(hunk.mismatches.size() - shown_mismatches) + " more lines differ\n";
        }
    }
    return text;
}

nlohmann::json hunk_json(const patch::HunkReport& hunk) {
    nlohmann::json out = {{"header", hunk.header}, {"outcome", to_string(hunk.outcome)}, {"offset", hunk.offset},
                          {"fuzz", hunk.fuzz},     {"line", hunk.line}};
    if (!hunk.mismatches.empty()) {
        out["mismatches"] = nlohmann::json::array();
        for (const auto& m : hunk.mismatches)
            out["mismatches"].push_back({{"line", m.line},
                                         {"expected", m.expected},
                                         {"found", m.past_end ? nlohmann::json(nullptr) : nlohmann::json(m.found)}});
    }
    return out;
}

}  // namespace

std::string render_tree_text(const std::string& version, const patch::TreeReport& report,
                             const series::Painter& paint) {
    if (!report.missing.empty()) return version + " on " + report.tree + ": " + report.missing + "\n";
    series::Table table({"PATCH", "SUBJECT", "RESULT"});
    std::string notes;
    for (const auto& patch : report.patches) {
        table.add({number_of(patch, report.patches.size()), patch.subject,
                   paint(summary(patch), colour_of(patch.outcome()))});
        notes += details("", patch, report.patches.size(), paint);
    }
    std::string text = version + " on " + report.tree + " (" + report.commit.substr(0, 12) + "): " +
                       (report.applies() ? paint("applies", "32") : paint("does not apply", "31")) + "\n" +
                       table.render();
    if (!notes.empty()) text += "\n" + notes;
    return text;
}

std::string render_check_text(const patch::RebaseCheckReport& check, const series::Painter& paint) {
    std::vector<std::string> headers = {"TREE", "TIP"};
    for (size_t i = 0; i < check.patches.size(); ++i)
        headers.push_back(std::to_string(i + 1) + "/" + std::to_string(check.patches.size()));
    series::Table table(headers);
    std::string notes;
    for (const auto& tree : check.trees) {
        std::vector<std::string> row = {tree.tree, tree.missing.empty() ? tree.commit.substr(0, 12) : "-"};
        for (const auto& patch : tree.patches) row.push_back(paint(summary(patch), colour_of(patch.outcome())));
        if (!tree.missing.empty()) {
            row.resize(headers.size(), "-");
            notes += tree.tree + ": " + tree.missing + "\n";
        }
        table.add(row);
        for (const auto& patch : tree.patches) notes += details(tree.tree + " ", patch, tree.patches.size(), paint);
    }
    std::string legend;
    for (size_t i = 0; i < check.patches.size(); ++i)
        legend += std::to_string(i + 1) + "/" + std::to_string(check.patches.size()) + " " + check.patches[i] + "\n";
    size_t trees = check.trees.size();
    std::string text = check.series + " " + check.version + " on " + std::to_string(trees) +
                       (trees == 1 ? " tree\n" : " trees\n") +
                       table.render() + "\n" + legend;
    if (!notes.empty()) text += "\n" + notes;
    return text;
}

nlohmann::json tree_json(const patch::TreeReport& report) {
    nlohmann::json out = {{"tree", report.tree}, {"commit", report.commit}, {"applies", report.applies()}};
    if (!report.missing.empty()) out["missing"] = report.missing;
    out["patches"] = nlohmann::json::array();
    for (const auto& patch : report.patches) {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& file : patch.files) {
            nlohmann::json hunks = nlohmann::json::array();
            for (const auto& hunk : file.hunks) hunks.push_back(hunk_json(hunk));
            nlohmann::json entry = {{"path", file.path}, {"outcome", to_string(file.outcome)}, {"hunks", hunks}};
            if (!file.problem.empty()) entry["problem"] = file.problem;
            files.push_back(entry);
        }
        out["patches"].push_back({{"number", patch.number},
                                  {"subject", patch.subject},
                                  {"outcome", to_string(patch.outcome())},
                                  {"result", summary(patch)},
                                  {"files", files}});
    }
    return out;
}

nlohmann::json check_json(const patch::RebaseCheckReport& check) {
    nlohmann::json out = {{"series", check.series}, {"version", check.version}, {"patches", check.patches}};
    out["trees"] = nlohmann::json::array();
    for (const auto& tree : check.trees) out["trees"].push_back(tree_json(tree));
    return out;
}

}  // namespace seriesctl::cli
