#include "lore/watch_plan.h"

#include <algorithm>
#include <regex>

#include "lore/lore_query.h"
#include "lore/mail_thread.h"
#include "mail/mail_date.h"
#include "mail/reply.h"

namespace seriesctl::lore {

namespace {

// Paths a mail's diff touches ("diff --git a/x b/y": both).
std::set<std::string> diff_paths(const std::string& body) {
    static const std::regex header(R"(^diff --git a/(\S+) b/(\S+)\r?$)", std::regex::multiline);
    std::set<std::string> paths;
    for (std::sregex_iterator it(body.begin(), body.end(), header), end; it != end; ++it) {
        paths.insert((*it)[1]);
        paths.insert((*it)[2]);
    }
    return paths;
}

const WatchedVersion* version_of(const std::vector<WatchedVersion>& watched, const ThreadPlace& place) {
    for (const auto& version : watched)
        if (version.series == place.series && version.version == place.version) return &version;
    return nullptr;
}

bool is_submitter(const std::vector<WatchedVersion>& watched, const mail::Address& from) {
    return std::any_of(watched.begin(), watched.end(),
                       [&](const WatchedVersion& version) { return version.submitter == from.key(); });
}

std::string thread_root(const mail::Mail& mail) {
    if (!mail.references.empty()) return mail.references.front();
    return mail.in_reply_to.empty() ? mail.message_id : mail.in_reply_to;
}

// A mail of another series whose diff touches files of ours.
void look_at_radar(const mail::Mail& mail, const std::vector<WatchedVersion>& watched,
                   int64_t server_now, const std::string& archive, PollOutcome& outcome) {
    std::set<std::string> touched = diff_paths(mail.body);
    if (touched.empty() || is_submitter(watched, mail.from)) return;
    RadarHit hit;
    for (const auto& version : watched) {
        auto thread = outcome.state.threads.find(version.cover);
        if (thread == outcome.state.threads.end()) continue;
        for (const auto& file : thread->second.files)
            if (touched.count(file)) {
                hit.files.insert(file);
                hit.series.insert(version.series);
            }
    }
    if (hit.files.empty()) return;
    outcome.state.radar_mails[mail.message_id] = mail.date.value_or(server_now);
    hit.root = thread_root(mail);
    hit.subject = mail.subject;
    hit.author = mail.from.formatted();
    hit.date = util::iso8601_utc(mail.date.value_or(server_now));
    hit.link = message_url(archive, hit.root);
    auto same = std::find_if(outcome.radar.begin(), outcome.radar.end(),
                             [&](const RadarHit& other) { return other.root == hit.root; });
    if (same != outcome.radar.end()) {  // one line per series: its lowest-numbered patch, and every file
        same->files.insert(hit.files.begin(), hit.files.end());
        same->series.insert(hit.series.begin(), hit.series.end());
        if (reply_subject(hit.subject).number < reply_subject(same->subject).number) {
            same->subject = hit.subject;
            same->author = hit.author;
            same->date = hit.date;
        }
        return;
    }
    if (!outcome.state.radar_series.emplace(hit.root, server_now).second) return;  // reported before
    outcome.radar.push_back(hit);
}

}  // namespace

std::vector<WatchedVersion> watched_versions(const std::vector<series::Series>& all) {
    std::vector<WatchedVersion> watched;
    for (const auto& series : all) {
        std::string why;
        std::string submitter = mail::parse_address(series.from, &why).key();
        for (const auto& version : series.versions) {
            if (!version.sent || version.sent->cover.empty()) continue;
            WatchedVersion item{series.name, version.name(), version.sent->cover, {}, submitter};
            for (const auto& message : version.sent->messages) item.sent[message.number] = message.message_id;
            watched.push_back(item);
        }
    }
    return watched;
}

std::vector<std::string> threads_to_fetch(const WatchState& state, const std::vector<WatchedVersion>& watched,
                                          bool all) {
    std::vector<std::string> covers;
    for (const auto& version : watched)
        if (all || !state.threads.count(version.cover)) covers.push_back(version.cover);
    return covers;
}

int64_t search_since(const WatchState& state, int64_t now, int64_t overlap, int64_t radar_window) {
    // public-inbox reads a short number after rt: as a date ("rt:1.." is the
    // 1st of this month), not an epoch: never go below a ten-digit one.
    return std::max<int64_t>(1000000000, state.cursor ? *state.cursor - overlap : now - radar_window);
}

std::string search_query(const WatchState& state, const std::vector<WatchedVersion>& watched, int64_t since,
                         bool whole_threads, size_t max_left_out) {
    std::set<std::string> subjects, files;
    for (const auto& version : watched) {
        auto thread = state.threads.find(version.cover);
        if (thread == state.threads.end()) continue;
        if (!whole_threads) subjects.insert(thread->second.subjects.begin(), thread->second.subjects.end());
        files.insert(thread->second.files.begin(), thread->second.files.end());
    }
    std::vector<std::pair<int64_t, std::string>> recent;
    for (const auto& [id, place] : state.index)
        if (place.date >= since) recent.push_back({place.date, id});
    for (const auto& [id, date] : state.radar_mails)
        if (date >= since) recent.push_back({date, id});
    std::sort(recent.rbegin(), recent.rend());
    if (recent.size() > max_left_out) recent.resize(max_left_out);
    std::vector<std::string> leave_out;
    for (const auto& [date, id] : recent) leave_out.push_back(id);
    std::sort(leave_out.begin(), leave_out.end());
    return poll_query(since, subjects, files, leave_out);
}

PollOutcome plan_poll(const WatchState& state, const std::vector<WatchedVersion>& watched,
                      const std::vector<mail::Mail>& mails, const std::vector<std::string>& fetched_whole,
                      const std::set<std::string>& recorded, int64_t server_now, const std::string& archive) {
    PollOutcome outcome;
    outcome.state = state;
    outcome.state.cursor = server_now;
    std::map<std::string, ThreadPlace> known = state.index;
    std::set<std::string> patch_mails;
    for (const auto& version : watched) {
        known.try_emplace(version.cover, ThreadPlace{version.series, version.version, 0, 0});
        patch_mails.insert(version.cover);
        for (const auto& [number, id] : version.sent) {
            known.try_emplace(id, ThreadPlace{version.series, version.version, number, 0});
            patch_mails.insert(id);
        }
    }
    for (const auto& cover : fetched_whole) outcome.state.threads[cover];  // fetched whole, even when empty

    auto placed = place_in_threads(known, mails);
    std::set<std::string> done;
    for (const mail::Mail& mail : mails) {
        if (state.index.count(mail.message_id) || !done.insert(mail.message_id).second) continue;  // met before
        const ThreadPlace* found = nullptr;
        if (auto it = placed.find(mail.message_id); it != placed.end()) found = &it->second;
        else if (auto seed = known.find(mail.message_id); seed != known.end()) found = &seed->second;  // cover, patch
        if (!found) {
            look_at_radar(mail, watched, server_now, archive, outcome);
            continue;
        }
        ThreadPlace place = *found;
        place.date = mail.date.value_or(0);
        outcome.state.index[mail.message_id] = place;
        const WatchedVersion* version = version_of(watched, place);
        if (!version) continue;
        ThreadInfo& thread = outcome.state.threads[version->cover];
        thread.subjects.insert(reply_subject(mail.subject).summary);
        bool ours = mail.from.key() == version->submitter || patch_mails.count(mail.message_id);
        if (ours) {
            auto files = diff_paths(mail.body);
            thread.files.insert(files.begin(), files.end());
        }
        if (ours || recorded.count(mail.message_id)) continue;
        mail::ReplyText text = mail::read_reply(mail.body, mail.from);
        series::Review review;
        review.message_id = mail.message_id;
        review.author = mail.from.formatted();
        review.date = util::iso8601_utc(mail.date.value_or(server_now));
        review.patch = place.patch;
        review.trailers = text.trailers;
        review.excerpt = text.excerpt;
        outcome.replies.push_back({place.series, place.version, mail.subject, review});
    }
    return outcome;
}

}  // namespace seriesctl::lore
