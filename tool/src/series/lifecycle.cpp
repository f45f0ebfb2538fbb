#include "series/lifecycle.h"

#include <regex>

#include "mail/address.h"
#include "util/error.h"

namespace seriesctl::series {

namespace {

std::string without_angle_brackets(const std::string& key) {
    if (key.size() > 2 && key.front() == '<' && key.back() == '>') return key.substr(1, key.size() - 2);
    return key;
}

}  // namespace

const Version& version_to_cut_from(const Series& series, const std::string& from) {
    for (const auto& version : series.versions)
        if (version.state == VersionState::draft)
            throw util::Error("series " + series.name + " has a draft already (" + version.name() +
                        "): finish or send it before cutting another version");
    if (series.versions.empty()) throw util::Error("series " + series.name + " has no version to cut a new one from");
    return from.empty() ? series.latest() : series.version(from);
}

std::string patch_prefix(const std::string& series_prefix, int version, int number, int total) {
    std::string prefix = series_prefix;
    if (version > 1) prefix += " v" + std::to_string(version);
    if (total > 1) {
        // format-patch pads the number to the width of the total: "01/12".
        std::string digits = std::to_string(number);
        digits.insert(0, std::to_string(total).size() - std::min(digits.size(), std::to_string(total).size()), '0');
        prefix += " " + digits + "/" + std::to_string(total);
    }
    return prefix;
}

std::string with_subject_prefix(const std::string& text, const std::string& prefix, const std::string& name) {
    static const std::regex subject(R"((^|\n)Subject: \[[^\]\n]*\])");
    std::smatch match;
    size_t header_end = text.find("\n\n");
    std::string headers = text.substr(0, header_end);
    if (!std::regex_search(headers, match, subject))
        throw util::Error(name + ": no 'Subject: [...]' header to give the new version's prefix");
    size_t at = static_cast<size_t>(match.position(0)) + match[1].length();
    return text.substr(0, at) + "Subject: [" + prefix + "]" + text.substr(at + match[0].length() - match[1].length());
}

std::vector<const Review*> unaddressed_reviews(const Series& /*series*/, const Version& previous) {
    std::vector<const Review*> open;
    for (const auto& review : previous.reviews)
        if (review.addressed_in.empty()) open.push_back(&review);
    return open;
}

bool is_todo(const ChangelogEntry& entry) { return entry.text.starts_with(changelog_todo); }

std::vector<ChangelogEntry> changelog_skeleton(const Series& series, const Version& previous) {
    std::vector<ChangelogEntry> skeleton;
    for (const Review* review : unaddressed_reviews(series, previous)) {
        std::string where = review->patch == 0 ? "cover" : "patch " + std::to_string(review->patch);
        skeleton.push_back({review->patch,
                            changelog_todo + " say how v" + std::to_string(previous.number + 1) + " answers " +
                                mail::display_name(review->author) + " (" + review->id + ", " + where + ")",
                            review->id});
    }
    return skeleton;
}

Version next_version(const Series& series, const Version& from, const std::string& patches_dir) {
    Version next;
    next.number = series.latest().number + 1;
    next.state = VersionState::draft;
    next.patches = patches_dir;
    next.base = from.base;
    next.cover = from.cover;
    next.changelog = changelog_skeleton(series, from);
    return next;
}

Version& draft_version(Series& series) {
    for (auto& version : series.versions)
        if (version.state == VersionState::draft) return version;
    throw util::Error("series " + series.name + " has no draft version: cut one with `seriesctl new-version`");
}

ReviewAt find_review_by_key(Series& series, const std::string& key) {
    std::string wanted = without_angle_brackets(key);
    for (auto& version : series.versions)
        for (auto& review : version.reviews)
            if (review.id == wanted || (!review.message_id.empty() && review.message_id == wanted))
                return {version, review};
    throw util::Error("series " + series.name + " has no review with the id or message-id '" + wanted +
                "' (see `seriesctl reviews`)");
}

void address_review(Version& draft, const ReviewAt& found, const std::string& note) {
    Review& review = found.review;
    if (note.empty()) throw util::Error("review " + review.id + ": --note must say how it is answered");
    if (found.version.number >= draft.number)
        throw util::Error("review " + review.id + " is a review of " + found.version.name() + "; the draft " +
                    draft.name() + " can only answer reviews of earlier versions");
    review.addressed_in = draft.name();
    review.note = note;
    for (auto& entry : draft.changelog) {
        if (entry.answers != review.id) continue;
        if (is_todo(entry)) entry.text = note;
        return;
    }
    draft.changelog.push_back({review.patch, note, review.id});
}

}  // namespace seriesctl::series
