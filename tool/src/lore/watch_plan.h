#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lore/watch_state.h"
#include "mail/mail.h"
#include "series/series.h"

namespace seriesctl::lore {

/// One sent version whose thread is watched.
struct WatchedVersion {
    std::string series;
    std::string version;               ///< "v1"
    std::string cover;                 ///< the cover's message-id: the thread
    std::map<int, std::string> sent;   ///< patch number → message-id, when `send` recorded them
    std::string submitter;             ///< Address::key() of the series' `from`: our own mail is no review
};

/// The versions to watch: every version of every series with `sent.cover`.
std::vector<WatchedVersion> watched_versions(const std::vector<series::Series>& series);

/// The threads a poll fetches whole: those never fetched (a new version, a
/// lost cache), or all of them with `all`.
std::vector<std::string> threads_to_fetch(const WatchState& state, const std::vector<WatchedVersion>& watched,
                                          bool all);

/// Where a poll's search starts: `overlap` seconds before the last poll (mail
/// is indexed some time after it is received), or `radar_window` seconds
/// before `now` on the first poll; never before 2001-09-09 (1000000000): a
/// shorter number is a date to public-inbox, not an epoch.
int64_t search_since(const WatchState& state, int64_t now, int64_t overlap, int64_t radar_window);

/// The poll's search (see poll_query) over what `state` knows of the threads:
/// their subjects (unless `whole_threads`: then the threads are refetched
/// instead) and files. Mails met since `since` are left out, the newest
/// `max_left_out` of them: a longer URL would cost more than the mails.
std::string search_query(const WatchState& state, const std::vector<WatchedVersion>& watched, int64_t since,
                         bool whole_threads, size_t max_left_out = 200);

/// A reply not seen before: a review of `version` (its id is given when it is stored).
struct NewReply {
    std::string series;
    std::string version;
    std::string subject;
    series::Review review;
};

/// Another series touching our files: a rebase risk.
struct RadarHit {
    std::string root;     ///< the message-id of its thread
    std::string subject;  ///< of its lowest-numbered patch seen
    std::string author;
    std::string date;
    std::string link;
    std::set<std::string> files;   ///< ours that it touches
    std::set<std::string> series;  ///< our series those files belong to
};

struct PollOutcome {
    std::vector<NewReply> replies;  ///< by series, version, patch, date
    std::vector<RadarHit> radar;
    WatchState state;               ///< to keep for the next poll
};

/// Everything a poll learnt, from the mails it fetched (threads and search
/// results, in any order, duplicates allowed). A reply is new unless it was
/// met before, is in `recorded` (message-ids of reviews in the series files),
/// is our own (from the submitter) or is one of the version's patch mails.
PollOutcome plan_poll(const WatchState& state, const std::vector<WatchedVersion>& watched,
                      const std::vector<mail::Mail>& mails, const std::vector<std::string>& fetched_whole,
                      const std::set<std::string>& recorded, int64_t server_now, const std::string& archive);

}  // namespace seriesctl::lore
