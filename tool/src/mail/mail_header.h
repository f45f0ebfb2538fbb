#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seriesctl::mail {

struct MailHeader {
    std::string name;   ///< as written ("Message-Id")
    std::string value;  ///< unfolded, still encoded
};

/// The header block of a mail, unfolded. `text` ends at the first empty line.
/// Returns nothing when a line is neither a header nor a continuation.
/// `first_line` numbers the first line in messages.
std::optional<std::vector<MailHeader>> parse_headers(std::string_view text, std::string* why,
                                                    size_t first_line = 1);

/// Where the body of `text` (a mail or MIME part) starts: after the first
/// empty line, or text.size() when there is none.
size_t body_start(std::string_view text);

/// First header of that name (case-insensitive), or nullptr.
const MailHeader* find_header(const std::vector<MailHeader>& headers, std::string_view name);

/// Decodes RFC 2047 encoded words (=?charset?Q|B?...?=) into UTF-8; the
/// whitespace between two adjacent encoded words is dropped, as the RFC says.
/// Any charset iconv knows (see charset_to_utf8); unknown ones are left encoded.
std::string decode_rfc2047(std::string_view value);

/// Decodes base64 (ignoring line breaks); nullopt when it is not base64.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace seriesctl::mail
