#pragma once

#include <string>
#include <vector>

#include "mail/address.h"

namespace seriesctl::mail {

/// What a reviewer wrote in a reply, apart from what they quoted.
struct ReplyText {
    std::string new_text;               ///< their own lines: no quotes, attribution or signature
    std::vector<std::string> trailers;  ///< "Reviewed-by: Name <address>", in order, once each
    std::string excerpt;                ///< the new text without trailers, on one line, short
};

/// The trailers a reply can give: Reviewed-by, Acked-by, Tested-by,
/// Reported-by, Suggested-by and Nacked-by. A bare "NAK"/"NACK" line counts as
/// "Nacked-by: <the sender>". Only new text is read: a trailer inside a quote
/// is someone else's.
/// "Reviewed-by: A <a@b>", "Acked-by: …" → "Reviewed-by, Acked-by": tables
/// name the kinds, the series file keeps the whole.
std::string trailer_kinds(const std::vector<std::string>& trailers);

ReplyText read_reply(const std::string& body, const Address& sender, size_t excerpt_length = 200);

}  // namespace seriesctl::mail
