#include "series/trailer_plan.h"

#include <algorithm>

#include "util/error.h"
#include "util/text.h"

namespace seriesctl::series {

namespace {

// Two spellings of one trailer compare equal: the key in any case, the
// address by its mailbox.
std::string trailer_key(const std::string& key, const std::string& value) {
    std::string why;
    mail::Address address = mail::parse_address(value, &why);
    return util::lowercase(key) + ":" + (address.email.empty() ? value : address.key());
}

std::string trailer_key(const std::string& trailer) {
    size_t colon = trailer.find(':');
    if (colon == std::string::npos) return util::lowercase(trailer);
    size_t value = trailer.find_first_not_of(' ', colon + 1);
    return trailer_key(trailer.substr(0, colon), value == std::string::npos ? "" : trailer.substr(value));
}

bool is_objection(const std::string& trailer) { return util::lowercase(trailer).starts_with("nacked-by:"); }

}  // namespace

TrailerPlan plan_trailers(const Series& series, const Version& draft,
                          const std::vector<patch::PatchFile>& draft_patches,
                          const std::map<std::string, std::vector<patch::PatchFile>>& earlier, bool force) {
    TrailerPlan plan;
    plan.add.resize(draft_patches.size());
    std::vector<std::vector<std::string>> keys(draft_patches.size());
    for (size_t i = 0; i < draft_patches.size(); ++i)
        for (const auto& trailer : draft_patches[i].trailers) keys[i].push_back(trailer_key(trailer.key, trailer.value));

    for (const auto& version : series.versions) {
        if (version.number >= draft.number) break;
        for (const auto& review : version.reviews) {
            if (review.trailers.empty()) continue;
            if (review.patch < 0 || review.patch > static_cast<int>(draft_patches.size()))
                throw util::Error("review " + review.id + " gives trailers on patch " + std::to_string(review.patch) +
                            " of " + version.name() + ", and " + draft.name() + " has " +
                            std::to_string(draft_patches.size()) + " patches");
            auto given = earlier.find(version.name());
            if (given == earlier.end()) throw util::Error("internal: no patch files of " + version.name());
            int first = review.patch == 0 ? 1 : review.patch;
            int last = review.patch == 0 ? static_cast<int>(draft_patches.size()) : review.patch;
            for (int number = first; number <= last; ++number) {
                size_t index = static_cast<size_t>(number - 1);
                bool same_code = index < given->second.size() &&
                                 given->second[index].patch_id() == draft_patches[index].patch_id();
                for (const auto& trailer : review.trailers) {
                    CarriedTrailer carried{number, trailer, review.id, version.name()};
                    auto& have = keys[index];
                    if (is_objection(trailer)) {
                        plan.objections.push_back(carried);
                    } else if (std::find(have.begin(), have.end(), trailer_key(trailer)) != have.end()) {
                        plan.present.push_back(carried);
                    } else {
                        if (!same_code) plan.code_changed.push_back(carried);
                        if (!same_code && !force) continue;
                        plan.add[index].push_back(carried);
                        have.push_back(trailer_key(trailer));
                    }
                }
            }
        }
    }
    return plan;
}

std::string with_trailers(const std::string& text, const patch::PatchFile& patch,
                          const std::vector<std::string>& trailers, const mail::Address& submitter) {
    if (trailers.empty()) return text;
    size_t message_start = text.find("\n\n");
    size_t message_end = text.find("\n---\n", message_start);
    if (message_start == std::string::npos || message_end == std::string::npos)
        throw util::Error(patch.name + ": no commit message between the headers and '---'");
    message_start += 2;

    // The submitter's last Signed-off-by, else the end of the last trailer
    // (the message's last non-blank line).
    size_t insert_at = std::string::npos;
    size_t last_text_end = message_start;
    for (size_t pos = message_start; pos <= message_end;) {
        size_t eol = text.find('\n', pos);
        std::string line = text.substr(pos, eol - pos);
        static const std::string sob = "signed-off-by:";
        if (util::lowercase(line.substr(0, sob.size())) == sob) {
            std::string why;
            if (mail::parse_address(line.substr(sob.size()), &why).key() == submitter.key()) insert_at = pos;
        }
        if (!line.empty()) last_text_end = eol + 1;
        pos = eol + 1;
    }
    if (insert_at == std::string::npos) insert_at = last_text_end;
    std::string lines;
    for (const auto& trailer : trailers) lines += trailer + "\n";
    return text.substr(0, insert_at) + lines + text.substr(insert_at);
}

}  // namespace seriesctl::series
