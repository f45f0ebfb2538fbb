#pragma once

#include <string>
#include <string_view>

namespace seriesctl {

/// Inflates a gzip stream (public-inbox's *.mbox.gz answers). A stream that
/// is truncated or corrupt is an Error naming `where` (a URL or file).
std::string gunzip(std::string_view compressed, const std::string& where);

}  // namespace seriesctl
