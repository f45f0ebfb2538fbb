#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/mail_header.h"

namespace seriesctl::mail {

/// Decodes quoted-printable (RFC 2045 6.7): "=XX" is a byte, "=" at a line's
/// end joins it to the next. A stray '=' is kept as written, as the RFC asks
/// of robust decoders.
std::string decode_quoted_printable(std::string_view text);

/// One parameter of a structured header ("charset" of "text/plain;
/// charset=\"utf-8\""), unquoted; "" when absent.
std::string header_parameter(std::string_view value, std::string_view name);

/// What a reader sees of a body, as UTF-8: a single text part decoded by its
/// Content-Transfer-Encoding and charset; for multipart/*, its first text/plain
/// part (nested parts too); "" for a body with no text part. Returns nothing
/// and says why when the body is malformed: base64 that is not, a multipart
/// without a boundary or whose boundary never appears.
std::optional<std::string> body_text(const std::vector<MailHeader>& headers, std::string_view body,
                                     std::string* why);

}  // namespace seriesctl::mail
