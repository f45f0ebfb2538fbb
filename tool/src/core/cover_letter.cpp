#include "core/cover_letter.h"

#include <kainjow/mustache.hpp>
#include <sstream>

#include "core/address.h"
#include "core/diffstat.h"
#include "core/error.h"

namespace seriesctl {

namespace {

using Data = kainjow::mustache::data;

std::string display_name(const std::string& author) {
    Address address = parse_address(author, nullptr);
    return address.name.empty() ? (address.email.empty() ? author : address.email) : address.name;
}

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

}  // namespace

std::string wrap_text(const std::string& text, const std::string& first, const std::string& rest, size_t width) {
    std::istringstream words(text);
    std::string out = first, line = first, word;
    bool line_has_word = false;
    while (words >> word) {
        if (line_has_word && line.size() + 1 + word.size() > width) {
            out += "\n" + rest;
            line = rest;
            line_has_word = false;
        }
        if (line_has_word) out += " ", line += " ";
        out += word;
        line += word;
        line_has_word = true;
    }
    return out;
}

std::string validation_line(const GateStatus& gate) {
    if (gate.state != GateState::passed || !gate.evidence || !gate.evidence->forced.empty()) return "";
    const Evidence& evidence = *gate.evidence;
    std::string line = gate.name + ": passed";
    if (!evidence.tree.empty()) line += " on " + evidence.tree;
    if (!evidence.commit.empty()) line += " (" + evidence.commit.substr(0, 12) + ")";
    if (!evidence.kernel.empty()) line += ", kernel " + evidence.kernel;
    if (!evidence.date.empty()) line += ", " + evidence.date.substr(0, 10);
    std::string figures;
    for (const auto& [name, value] : evidence.figures) figures += (figures.empty() ? "" : ", ") + name + " " + value;
    if (!figures.empty()) line += ": " + figures;
    return line;
}

std::string answered_review(const Series& series, const std::string& review_id) {
    if (review_id.empty()) return "";
    const Review* review = series.find_review(review_id);
    if (!review) return "";
    std::string where = version_of_review(series, review_id) + " review";
    if (review->patch > 0) where += " of patch " + std::to_string(review->patch);
    return "(" + display_name(review->author) + ", " + where + ")";
}

std::string render_cover(const std::string& template_text, const std::string& template_name, const Series& series,
                         const Version& version, const std::vector<PatchFile>& patches, const CoverFacts& facts) {
    kainjow::mustache::mustache cover(template_text);
    if (!cover.is_valid()) throw Error(template_name + ": " + cover.error_message());
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
        if (std::string line = validation_line(gate); !line.empty()) validation.push_back(wrap_text(line, "- ", "  "));
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
            if (std::string answer = answered_review(series, entry.answers); !answer.empty()) text += " " + answer;
            entries.push_back(wrap_text(text, "  - ", "    "));
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

    data.set("shortlog", shortlog(patches));
    std::string stat = diffstat(patches);
    stat.pop_back();  // the template ends the line
    data.set("diffstat", stat);
    if (!facts.base.based_on.empty()) data.set("based_on", facts.base.based_on);
    if (!facts.base.base_commit.empty()) data.set("base_commit", facts.base.base_commit);
    if (!facts.base.prerequisite_patch_ids.empty())
        data.set("prerequisites", text_list(facts.base.prerequisite_patch_ids));
    data.set("change_id", series.change_id);
    data.set("from", series.from);

    std::string rendered = cover.render(data);
    if (!cover.is_valid()) throw Error(template_name + ": " + cover.error_message());
    return rendered;
}

}  // namespace seriesctl
