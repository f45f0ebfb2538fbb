#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace seriesctl::mail {

/// Text in a MIME charset ("utf-8", "iso-8859-1", "koi8-r", …) as UTF-8.
/// Bytes that are not valid in the charset become U+FFFD rather than an
/// error: mail in the wild is often mislabelled, and one bad byte must not
/// hide a review. Returns nothing only when the charset is unknown.
std::optional<std::string> charset_to_utf8(std::string_view bytes, std::string_view charset);

}  // namespace seriesctl::mail
