#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace seriesctl::lore {

/// The one public-inbox search of a poll. public-inbox 1.9 cannot scope a
/// search to a thread (the message-id in the URL is ignored and there is no
/// thread: prefix), so the query is kept narrow instead: mail received since
/// `since` (rt:, epoch seconds) whose subject holds one of the watched
/// threads' subjects (s:"…", which "Re:" replies keep) or whose diff touches
/// one of `files` (dfn:, the radar), minus the mails met already (NOT mid:),
/// so what comes back grows with what is new, not with the threads' size.
/// Empty when there is nothing to search for.
std::string poll_query(int64_t since, const std::set<std::string>& subjects, const std::set<std::string>& files,
                       const std::vector<std::string>& leave_out);

/// Percent-encodes everything but ASCII letters, digits and `kept`.
std::string percent_encode(const std::string& text, const std::string& kept);

/// "<archive>/<message-id>/": the thread's page, for links. The message-id
/// is escaped as public-inbox does ('@' and sub-delims stay readable).
std::string message_url(const std::string& archive, const std::string& message_id);

/// "<archive>/<message-id>/raw": the one message as it was received.
std::string raw_message_url(const std::string& archive, const std::string& message_id);

/// "<archive>/<message-id>/t.mbox.gz": the whole thread, gzipped mboxrd.
std::string thread_mbox_url(const std::string& archive, const std::string& message_id);

/// "<archive>/?x=m&q=<query>": to POST for the matching mails as gzipped mboxrd.
std::string search_mbox_url(const std::string& archive, const std::string& query);

}  // namespace seriesctl::lore
