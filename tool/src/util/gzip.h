#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace seriesctl::util {

/// What a gzip answer may inflate to: far above any thread public-inbox
/// serves, far below what would exhaust memory (a gzip bomb).
inline constexpr size_t max_inflated_bytes = size_t{256} << 20;

/// Inflates a gzip stream (public-inbox's *.mbox.gz answers). A stream that
/// is truncated or corrupt, or that inflates to more than `limit` bytes, is
/// an Error naming `where` (a URL or file).
std::string gunzip(std::string_view compressed, const std::string& where, size_t limit = max_inflated_bytes);

}  // namespace seriesctl::util
