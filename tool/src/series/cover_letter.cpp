#include "series/cover_letter.h"

#include <kainjow/mustache.hpp>
#include <regex>
#include <algorithm>
#include <sstream>

#include "mail/address.h"
#include "patch/diffstat.h"
#include "util/error.h"

namespace seriesctl::series {

namespace {

using Data = kainjow::mustache::data;

// Joins two words that wrap_text must not part (a figure and its value).
constexpr char keep_together = '\x1f';

// The version holding review `id`, "v1".
std::string version_of_review(const Series& series, const std::string& id) {
    for (const auto& version : series.versions)
        for (const auto& review : version.reviews)
            if (review.id == id) return version.name();
    return "";
}

Data text_list(const std::vector<std::string>& lines) {
    Data list{Data::type::list};
    for (const auto& line : lines) list.push_back(Data{"line", line});
    return list;
}

// The mustache spec renders nothing for a line that holds only a section
// or comment tag ("standalone"). kainjow 4.1 does so only for sections it
// renders, and a section it skips leaves its closing line's newline behind.
// So such lines get a marker before parsing, and the marker with its
// newline is taken out after rendering: the spec's rule, in every case.
constexpr char standalone_marker = '\x1e';

std::string mark_standalone_lines(const std::string& text) {
    static const std::regex standalone(R"([ \t]*\{\{[#/^!][^}]*\}\}[ \t]*)");
    std::istringstream lines(text);
    std::string out;
    for (std::string line; std::getline(lines, line);)
        out += line + (std::regex_match(line, standalone) ? std::string(1, standalone_marker) : "") + "\n";
    return out;
}

std::string drop_standalone_lines(const std::string& rendered) {
    std::string out;
    for (size_t i = 0; i < rendered.size(); ++i) {
        if (rendered[i] == standalone_marker) {
            if (i + 1 < rendered.size() && rendered[i + 1] == '\n') ++i;
            continue;
        }
        out += rendered[i];
    }
    return out;
}

// One gate line of "Validation": only a passed, current gate whose
// evidence was earned (not forced) has one; empty otherwise.
std::string validation_line(const GateStatus& gate) {
    if (gate.state != GateState::passed || !gate.evidence || !gate.evidence->forced.empty()) return "";
    const Evidence& evidence = *gate.evidence;
    std::string line = gate.name + ": passed";
    if (!evidence.tree.empty()) line += " on " + evidence.tree;
    if (!evidence.commit.empty()) line += " (" + evidence.commit.substr(0, 12) + ")";
    if (!evidence.kernel.empty()) line += ", kernel " + evidence.kernel;
    if (!evidence.date.empty()) line += ", " + evidence.date.substr(0, 10);
    std::string figures;
    // A figure's name and value stay on one line when the line is wrapped.
    for (const auto& [name, value] : evidence.figures)
        figures += (figures.empty() ? "" : ", ") + name + keep_together + value;
    if (!figures.empty()) line += ": " + figures;
    return line;
}

}  // namespace

std::string wrap_text(const std::string& text, const std::string& first, const std::string& rest, size_t width) {
    std::istringstream words(text);
    auto columns = [](const std::string& text) {
        return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xc0) != 0x80; }));
    };
    std::string out = first, word;
    size_t line = columns(first);
    bool line_has_word = false;
    while (words >> word) {
        if (line_has_word && line + 1 + columns(word) > width) {
            out += "\n" + rest;
            line = columns(rest);
            line_has_word = false;
        }
        if (line_has_word) out += " ", ++line;
        out += word;
        line += columns(word);
        line_has_word = true;
    }
    return out;
}

std::string answered_review(const Series& series, const std::string& review_id) {
    if (review_id.empty()) return "";
    const Review* review = series.find_review(review_id);
    if (!review) return "";
    std::string where = version_of_review(series, review_id) + " review";
    if (review->patch > 0) where += " of patch " + std::to_string(review->patch);
    return "(" + mail::display_name(review->author) + ", " + where + ")";
}

std::string render_cover(const std::string& template_text, const std::string& template_name, const Series& series,
                         const Version& version, const std::vector<patch::PatchFile>& patches,
                         const CoverFacts& facts) {
    kainjow::mustache::mustache cover(mark_standalone_lines(template_text));
    if (!cover.is_valid()) throw util::Error(template_name + ": " + cover.error_message());
    // Everything is plain text: nothing is HTML-escaped.
    cover.set_custom_escape([](const std::string& text) { return text; });

    Data data;
    data.set("body", version.cover.body);
    data.set("version", version.name());

    std::vector<std::string> questions;
    for (size_t i = 0; i < version.cover.questions.size(); ++i) {
        std::string number = std::to_string(i + 1) + ". ";
        questions.push_back(wrap_text(version.cover.questions[i], number, std::string(number.size(), ' ')));
    }
    if (!questions.empty()) {
        data.set("has_questions", Data{Data::type::bool_true});
        data.set("questions", text_list(questions));
    }

    std::vector<std::string> validation;
    for (const auto& gate : facts.gates)
        if (std::string line = validation_line(gate); !line.empty()) {
            std::string wrapped = wrap_text(line, "- ", "  ");
            std::replace(wrapped.begin(), wrapped.end(), keep_together, ' ');
            validation.push_back(wrapped);
        }
    if (!validation.empty()) {
        data.set("has_validation", Data{Data::type::bool_true});
        data.set("validation", text_list(validation));
    }

    Data changes{Data::type::list};
    for (int patch = 0; patch <= static_cast<int>(patches.size()); ++patch) {
        std::vector<std::string> entries;
        for (const auto& entry : version.changelog) {
            if (entry.patch != patch) continue;
            std::string text = entry.text;
            if (std::string answer = answered_review(series, entry.answers); !answer.empty()) {
                std::replace(answer.begin(), answer.end(), ' ', keep_together);
                text += " " + answer;
            }
            std::string wrapped = wrap_text(text, "  - ", "    ");
            std::replace(wrapped.begin(), wrapped.end(), keep_together, ' ');
            entries.push_back(wrapped);
        }
        if (entries.empty()) continue;
        Data group;
        group.set("heading", patch == 0 ? std::string("Series") : std::to_string(patch) + "/" +
                                                                   std::to_string(patches.size()) + " " +
                                                                   patches[static_cast<size_t>(patch - 1)].summary);
        group.set("entries", text_list(entries));
        changes.push_back(group);
    }
    if (version.number > 1) {
        Data changelog;
        changelog.set("groups", changes);
        if (!facts.previous_link.empty()) changelog.set("previous_link", facts.previous_link);
        changelog.set("previous_version", "v" + std::to_string(version.number - 1));
        data.set("changes", changelog);
    }

    std::string log = patch::shortlog(patches);
    if (!log.empty()) log.pop_back();  // the template ends the line
    data.set("shortlog", log);
    std::string stat = diffstat(patches);
    stat.pop_back();  // the template ends the line
    data.set("diffstat", stat);
    if (!facts.base.based_on.empty()) data.set("based_on", facts.base.based_on);
    if (!facts.base.base_commit.empty()) data.set("base_commit", facts.base.base_commit);
    if (!facts.base.prerequisite_patch_ids.empty())
        data.set("prerequisites", text_list(facts.base.prerequisite_patch_ids));
    data.set("change_id", series.change_id);
    data.set("from", series.from);

    std::string rendered = drop_standalone_lines(cover.render(data));
    if (!cover.is_valid()) throw util::Error(template_name + ": " + cover.error_message());
    return rendered;
}

}  // namespace seriesctl::series
