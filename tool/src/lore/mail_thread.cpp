#include "lore/mail_thread.h"

#include <regex>
#include <set>

namespace seriesctl::lore {

patch::PatchSubject reply_subject(const std::string& subject) {
    static const std::regex reply_marks(R"(^\s*((re|aw|fwd?|sv)\s*:\s*)+)", std::regex::icase);
    return patch::parse_patch_subject(std::regex_replace(subject, reply_marks, ""));
}

std::string subject_version(const patch::PatchSubject& subject) {
    static const std::regex version(R"((?:^|\s)(v[0-9]+)(?:\s|$))", std::regex::icase);
    if (subject.prefix.empty()) return "";
    std::smatch match;
    if (std::regex_search(subject.prefix, match, version)) {
        std::string name = match[1];
        name[0] = 'v';
        return name;
    }
    return "v1";
}

std::map<std::string, ThreadPlace> place_in_threads(const std::map<std::string, ThreadPlace>& known,
                                                    const std::vector<mail::Mail>& mails) {
    std::map<std::string, ThreadPlace> placed;
    auto lookup = [&](const std::string& id) -> const ThreadPlace* {
        if (auto it = known.find(id); it != known.end()) return &it->second;
        if (auto it = placed.find(id); it != placed.end()) return &it->second;
        return nullptr;
    };
    std::set<std::string> refused;  // a mail of another version: its replies are not ours either
    for (bool progress = true; progress;) {
        progress = false;
        for (const mail::Mail& mail : mails) {
            if (lookup(mail.message_id) || refused.count(mail.message_id)) continue;
            const ThreadPlace* above = nullptr;
            bool under_refused = false;
            for (const auto& id : mail.ancestors()) {
                if ((above = lookup(id))) break;
                if (refused.count(id)) {
                    under_refused = true;
                    break;
                }
            }
            if (under_refused) {
                refused.insert(mail.message_id);
                progress = true;
                continue;
            }
            if (!above) continue;
            patch::PatchSubject subject = reply_subject(mail.subject);
            std::string version = subject_version(subject);
            if (!version.empty() && version != above->version) {
                refused.insert(mail.message_id);
                progress = true;
                continue;
            }
            ThreadPlace place = *above;
            if (place.patch == 0 && subject.number > 0) place.patch = subject.number;
            place.date = mail.date.value_or(0);
            placed[mail.message_id] = place;
            progress = true;
        }
    }
    return placed;
}

}  // namespace seriesctl::lore
