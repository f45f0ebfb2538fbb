#pragma once

#include <cstdint>
#include <string>

namespace seriesctl::util {

/// Seconds since the epoch in UTC, by strftime(3) `format` (C locale names).
std::string format_utc(int64_t seconds, const char* format);

/// Seconds since the epoch as ISO 8601 UTC, "2026-05-14T09:30:00Z".
std::string iso8601_utc(int64_t seconds);

/// The current time in that form: evidence dates.
std::string now_iso8601();

/// The current time as ISO 8601 basic format, "20261201T213000Z": names a
/// run's directory (no ':'), and sorts by time.
std::string now_run_stamp();

}  // namespace seriesctl::util
