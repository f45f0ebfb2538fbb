#pragma once

#include <string>

namespace seriesctl::util {

/// `bytes` bytes from the system's random source, in lower-case hex.
std::string random_hex(size_t bytes);

}  // namespace seriesctl::util
