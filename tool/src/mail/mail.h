#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/address.h"
#include "mail/mail_header.h"

namespace seriesctl::mail {

/// A mail read from an archive: what threading, review extraction and the
/// radar need, decoded to UTF-8.
struct Mail {
    std::string message_id;               ///< without <>
    std::string in_reply_to;              ///< "" when it answers nothing
    std::vector<std::string> references;  ///< oldest first
    Address from;                         ///< display name decoded
    std::string subject;                  ///< decoded
    std::optional<int64_t> date;          ///< seconds since the epoch, when Date parses
    std::string body;                     ///< the readable text (see body_text)

    /// Message-ids this mail answers, nearest first: In-Reply-To, then
    /// References from the newest back to the thread's root.
    std::vector<std::string> ancestors() const;
};

/// Parses one RFC 5322 message. A message without a Message-Id or a From
/// address, with broken headers or an undecodable body is an Error naming
/// `where` (say "<url>: message 3 (line 120)") and what is wrong.
Mail parse_mail(std::string_view text, const std::string& where, size_t first_line = 1);

/// The message-ids in a header value ("<a@b> <c@d>"), without <>; a value
/// with no <> at all is taken whole, as some old clients write it.
std::vector<std::string> message_ids(std::string_view value);

}  // namespace seriesctl::mail
