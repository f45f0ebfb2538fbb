#include "watch/poll.h"

#include <chrono>
#include <ctime>
#include <set>

#include "lore/lore_query.h"
#include "lore/watch_plan.h"
#include "repo/series_file.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/xdg.h"
#include "watch/lore_archive.h"

namespace seriesctl::watch {

namespace {

// One state per checkout and archive: two checkouts never share cursors.
std::filesystem::path state_file(const repo::Project& project, const std::string& archive) {
    std::string key =
        util::sha256_hex(std::filesystem::absolute(project.root()).string() + "\n" + archive).substr(0, 16);
    return util::cache_dir() / "watch" / (key + ".json");
}

// A missing or unreadable cache is an empty one: it only costs a refetch.
lore::WatchState load_state(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) return {};
    auto json = nlohmann::json::parse(util::read_file(file), nullptr, false);
    if (json.is_discarded()) return {};
    return lore::WatchState::from_json(json).value_or(lore::WatchState{});
}

void save_state(const std::filesystem::path& file, const lore::WatchState& state) {
    std::filesystem::create_directories(file.parent_path());
    util::write_file_atomically(file, state.to_json().dump() + "\n");
}

// "v1-4": one more than the highest "v1-N" anywhere in the series.
std::string next_review_id(const series::Series& series, const std::string& version) {
    int highest = 0;
    std::string prefix = version + "-";
    for (const auto& each : series.versions)
        for (const auto& review : each.reviews)
            if (review.id.starts_with(prefix)) {
                try {
                    highest = std::max(highest, std::stoi(review.id.substr(prefix.size())));
                } catch (const std::exception&) {
                    // a hand-written id such as "v1-nicolas" takes no number
                }
            }
    return prefix + std::to_string(highest + 1);
}

bool has_review(const series::Series& series, const std::string& message_id) {
    for (const auto& version : series.versions)
        for (const auto& review : version.reviews)
            if (review.message_id == message_id) return true;
    return false;
}

// Stores the replies of one series under its lock; a reply another process
// stored meanwhile is dropped from `replies`.
void store_replies(const std::filesystem::path& file, std::vector<lore::NewReply*>& replies) {
    repo::update_series_file(file, [&](series::Series& series) {
        std::vector<lore::NewReply*> stored;
        for (lore::NewReply* reply : replies) {
            if (has_review(series, reply->review.message_id)) continue;
            series::Version& version = series.version(reply->version);
            reply->review.id = next_review_id(series, reply->version);
            version.reviews.push_back(reply->review);
            stored.push_back(reply);
        }
        replies = stored;
    });
}

int64_t local_now() { return static_cast<int64_t>(std::time(nullptr)); }

}  // namespace

WatchReport poll_once(const repo::Project& project, const config::LoreConfig& config, const PollOptions& options) {
    auto started = std::chrono::steady_clock::now();
    std::vector<series::Series> all;
    std::set<std::string> recorded;
    for (const auto& name : project.series_names()) {
        all.push_back(repo::load_series_file(project.series_file(name)));
        for (const auto& version : all.back().versions)
            for (const auto& review : version.reviews)
                if (!review.message_id.empty()) recorded.insert(review.message_id);
    }
    std::vector<lore::WatchedVersion> watched = lore::watched_versions(all);
    WatchReport report;
    report.threads = watched.size();
    if (watched.empty()) {
        report.notes.push_back("no version to watch: none has sent.cover in series/*.yaml");
        return report;
    }

    const std::string archive_url = config.archive();
    auto cache = state_file(project, archive_url);
    lore::WatchState state = load_state(cache);
    http::HttpClient http({config.connect_timeout, config.timeout, config.retries, config.retry_delay_ms});
    if (options.log)
        http.on_retry = [&](const std::string& url, const std::string& what) {
            options.log(http::shown_url(url) + ": " + what + "; trying again");
        };
    LoreArchive archive(archive_url, http);
    int64_t since = lore::search_since(state, local_now(), config.overlap, int64_t{config.radar_days} * 86400);

    // Threads never fetched whole (a new version, a lost cache) come first:
    // they teach the search its subjects and the radar its files.
    std::vector<mail::Mail> thread_mails;
    std::vector<std::string> fetched;
    for (const auto& cover : lore::threads_to_fetch(state, watched, options.whole_threads)) {
        const lore::WatchedVersion& version = *std::find_if(
            watched.begin(), watched.end(), [&](const lore::WatchedVersion& each) { return each.cover == cover; });
        if (options.progress) options.progress("fetching the " + version.series + " " + version.version + " thread");
        auto mails = archive.thread(cover);
        if (!mails) {
            report.notes.push_back(version.series + " " + version.version + ": <" + cover +
                                   "> is not on the archive (yet)");
            continue;
        }
        thread_mails.insert(thread_mails.end(), mails->begin(), mails->end());
        fetched.push_back(cover);
    }
    lore::PollOutcome outcome = lore::plan_poll(state, watched, thread_mails, fetched, recorded,
                                    archive.server_time().value_or(local_now()), archive_url);

    std::string query = lore::search_query(outcome.state, watched, since, options.whole_threads);
    if (!query.empty()) {
        std::vector<mail::Mail> found = archive.search(query);
        lore::PollOutcome more = lore::plan_poll(outcome.state, watched, found, {}, recorded,
                                     archive.server_time().value_or(local_now()), archive_url);
        outcome.replies.insert(outcome.replies.end(), more.replies.begin(), more.replies.end());
        outcome.radar.insert(outcome.radar.end(), more.radar.begin(), more.radar.end());
        outcome.state = std::move(more.state);
    }

    // The series files first, then the cache: a crash in between costs a
    // refetch, and the message-ids in the files keep it from storing twice.
    std::map<std::string, std::vector<lore::NewReply*>> by_series;
    for (auto& reply : outcome.replies) by_series[reply.series].push_back(&reply);
    for (auto& [series, replies] : by_series) {
        store_replies(project.series_file(series), replies);
        for (lore::NewReply* reply : replies) report.replies.push_back(*reply);
    }
    save_state(cache, outcome.state);

    report.radar = std::move(outcome.radar);
    report.requests = http.requests();
    report.bytes = http.bytes_received();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace seriesctl::watch
