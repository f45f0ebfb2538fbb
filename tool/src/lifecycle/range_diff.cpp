#include "lifecycle/range_diff.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "series/table.h"

namespace seriesctl::lifecycle {

namespace {

// The changed lines of a patch, white space removed, counted.
std::map<std::string, int> changed_lines(const patch::PatchFile& patch) {
    std::map<std::string, int> lines;
    for (const auto& file : patch.files)
        for (const auto& hunk : file.hunks)
            for (const auto& line : hunk.lines) {
                if (line.empty() || (line[0] != '+' && line[0] != '-')) continue;
                std::string key;
                for (char c : line)
                    if (!std::isspace(static_cast<unsigned char>(c))) key += c;
                ++lines[key];
            }
    return lines;
}

std::string number_text(int number) { return number == 0 ? "-" : std::to_string(number); }

const char* colour_of(PatchChange change) {
    switch (change) {
    case PatchChange::unchanged: return "0";
    case PatchChange::message_only: return "36";
    case PatchChange::code_changed: return "33";
    case PatchChange::added: return "32";
    case PatchChange::dropped: return "31";
    }
    return "0";
}

}  // namespace

double similarity(const patch::PatchFile& a, const patch::PatchFile& b) {
    auto left = changed_lines(a), right = changed_lines(b);
    int total = 0, common = 0;
    for (const auto& [line, count] : left) total += count;
    for (const auto& [line, count] : right) {
        total += count;
        auto found = left.find(line);
        if (found != left.end()) common += std::min(count, found->second);
    }
    return total == 0 ? 1.0 : 2.0 * common / total;
}

PatchChange classify_pair(const patch::PatchFile& old_patch, const patch::PatchFile& new_patch) {
    if (old_patch.patch_id() != new_patch.patch_id()) return PatchChange::code_changed;
    bool same_message = old_patch.summary == new_patch.summary && old_patch.message == new_patch.message &&
                        old_patch.author.formatted() == new_patch.author.formatted();
    return same_message ? PatchChange::unchanged : PatchChange::message_only;
}

std::vector<PatchPair> pair_patches(const std::vector<patch::PatchFile>& old_patches,
                                    const std::vector<patch::PatchFile>& new_patches, double min_similarity) {
    std::vector<int> partner_of_new(new_patches.size(), -1);
    std::vector<bool> old_taken(old_patches.size(), false);
    auto pair_when = [&](const std::function<bool(const patch::PatchFile&, const patch::PatchFile&)>& same) {
        for (size_t n = 0; n < new_patches.size(); ++n) {
            if (partner_of_new[n] >= 0) continue;
            for (size_t o = 0; o < old_patches.size(); ++o)
                if (!old_taken[o] && same(old_patches[o], new_patches[n])) {
                    partner_of_new[n] = static_cast<int>(o);
                    old_taken[o] = true;
                    break;
                }
        }
    };
    pair_when([](const patch::PatchFile& a, const patch::PatchFile& b) { return a.patch_id() == b.patch_id(); });
    pair_when([](const patch::PatchFile& a, const patch::PatchFile& b) { return a.summary == b.summary; });

    // What is left: the most similar pairs first, as long as they are similar enough.
    struct Candidate {
        double score;
        size_t o, n;
    };
    std::vector<Candidate> candidates;
    for (size_t n = 0; n < new_patches.size(); ++n)
        for (size_t o = 0; o < old_patches.size(); ++o)
            if (partner_of_new[n] < 0 && !old_taken[o]) {
                double score = similarity(old_patches[o], new_patches[n]);
                if (score >= min_similarity) candidates.push_back({score, o, n});
            }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    for (const auto& candidate : candidates)
        if (partner_of_new[candidate.n] < 0 && !old_taken[candidate.o]) {
            partner_of_new[candidate.n] = static_cast<int>(candidate.o);
            old_taken[candidate.o] = true;
        }

    std::vector<PatchPair> rows;
    for (size_t n = 0; n < new_patches.size(); ++n) {
        PatchPair row;
        row.new_number = static_cast<int>(n) + 1;
        row.subject = new_patches[n].summary;
        if (partner_of_new[n] < 0) {
            row.change = PatchChange::added;
        } else {
            row.old_number = partner_of_new[n] + 1;
            row.change = classify_pair(old_patches[static_cast<size_t>(partner_of_new[n])], new_patches[n]);
        }
        rows.push_back(row);
    }
    // A dropped patch goes after the row of the old patch before it.
    for (size_t o = 0; o < old_patches.size(); ++o) {
        if (old_taken[o]) continue;
        PatchPair row;
        row.old_number = static_cast<int>(o) + 1;
        row.subject = old_patches[o].summary;
        row.change = PatchChange::dropped;
        auto after = rows.begin();
        for (auto it = rows.begin(); it != rows.end(); ++it)
            if (it->old_number != 0 && it->old_number < row.old_number) after = it + 1;
        rows.insert(after, row);
    }
    return rows;
}

std::string range_diff_body(const std::string& output) {
    std::istringstream in(output);
    std::string line, body;
    std::getline(in, line);  // "1:  abc ! 1:  def subject"
    while (std::getline(in, line)) {
        size_t indent = 0;
        while (indent < 4 && indent < line.size() && line[indent] == ' ') ++indent;
        body += line.substr(indent) + "\n";
    }
    return body;
}

std::string to_string(PatchChange change) {
    switch (change) {
    case PatchChange::unchanged: return "unchanged";
    case PatchChange::message_only: return "message only";
    case PatchChange::code_changed: return "code changed";
    case PatchChange::added: return "added";
    case PatchChange::dropped: return "dropped";
    }
    return "?";
}

std::string render_range_diff_text(const std::string& old_version, const std::string& new_version,
                                   const std::vector<PatchPair>& pairs, const series::Painter& paint) {
    series::Table table({old_version, new_version, "CHANGE", "SUBJECT"});
    for (const auto& pair : pairs)
        table.add({number_text(pair.old_number), number_text(pair.new_number),
                   paint(to_string(pair.change), colour_of(pair.change)), pair.subject});
    std::string text = table.render();
    for (const auto& pair : pairs) {
        if (pair.interdiff.empty()) continue;
        text += "\n" + old_version + " " + number_text(pair.old_number) + " -> " + new_version + " " +
                number_text(pair.new_number) + " (" + to_string(pair.change) + "): " + pair.subject + "\n";
        std::istringstream in(pair.interdiff);
        for (std::string line; std::getline(in, line);) text += "    " + line + "\n";
    }
    return text;
}

nlohmann::json render_range_diff_json(const std::string& old_version, const std::string& new_version,
                                      const std::vector<PatchPair>& pairs) {
    nlohmann::json out = {{"old", old_version}, {"new", new_version}, {"patches", nlohmann::json::array()}};
    for (const auto& pair : pairs) {
        nlohmann::json item = {{"subject", pair.subject}, {"change", to_string(pair.change)}};
        item["old"] = pair.old_number == 0 ? nlohmann::json(nullptr) : nlohmann::json(pair.old_number);
        item["new"] = pair.new_number == 0 ? nlohmann::json(nullptr) : nlohmann::json(pair.new_number);
        if (!pair.interdiff.empty()) item["interdiff"] = pair.interdiff;
        out["patches"].push_back(item);
    }
    return out;
}

}  // namespace seriesctl::lifecycle
