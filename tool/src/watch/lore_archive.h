#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/http_client.h"
#include "mail/mail.h"

namespace seriesctl {

/// A public-inbox archive (lore) read over HTTP: whole threads and searches,
/// both as gzipped mboxrd. A broken answer (not gzip, truncated, not an mbox,
/// a malformed message) is an Error naming the URL and the message.
class LoreArchive {
public:
    /// `archive` is "<base url>/<inbox>".
    LoreArchive(std::string archive, HttpClient& http);

    /// Every mail of the thread holding `message_id`; nothing when the
    /// archive does not have that message (yet).
    std::optional<std::vector<Mail>> thread(const std::string& message_id);
    /// The mails a search finds (public-inbox search syntax); none is not an error.
    std::vector<Mail> search(const std::string& query);

    /// The server's clock at its latest answer.
    std::optional<int64_t> server_time() const { return server_time_; }

private:
    std::vector<Mail> read_mbox(const HttpResponse& response, const std::string& url);

    std::string archive_;
    HttpClient& http_;
    std::optional<int64_t> server_time_;
};

}  // namespace seriesctl
