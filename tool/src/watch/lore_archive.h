#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/http_client.h"
#include "mail/mail.h"

namespace seriesctl::watch {

/// A public-inbox archive (lore) read over HTTP: whole threads and searches,
/// both as gzipped mboxrd. A broken answer (not gzip, truncated, not an mbox,
/// a malformed message) is an Error naming the URL and the message.
class LoreArchive {
public:
    /// `archive` is "<base url>/<inbox>".
    LoreArchive(std::string archive, http::HttpClient& http);

    /// Every mail of the thread holding `message_id`; nothing when the
    /// archive does not have that message (yet).
    std::optional<std::vector<mail::Mail>> thread(const std::string& message_id);
    /// The mails a search finds (public-inbox search syntax); none is not an error.
    std::vector<mail::Mail> search(const std::string& query);

    /// The server's clock at its latest answer.
    std::optional<int64_t> server_time() const { return server_time_; }

private:
    std::vector<mail::Mail> read_mbox(const http::HttpResponse& response, const std::string& url);

    std::string archive_;
    http::HttpClient& http_;
    std::optional<int64_t> server_time_;
};

}  // namespace seriesctl::watch
