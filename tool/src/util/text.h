#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seriesctl::util {

/// ASCII lower case: mail header names, charsets, trailer keys and
/// addresses compare this way (RFC 5322 and git treat them so).
std::string lowercase(std::string_view text);

/// Without leading and trailing ASCII blanks (space, tab, CR, LF).
std::string trimmed(std::string_view text);

/// The items with `separator` between them.
std::string joined(const std::vector<std::string>& items, std::string_view separator);

}  // namespace seriesctl::util
