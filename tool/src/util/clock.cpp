#include "util/clock.h"

#include <ctime>

namespace seriesctl::util {

std::string format_utc(int64_t seconds, const char* format) {
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[64];
    std::strftime(text, sizeof text, format, &utc);
    return text;
}

std::string iso8601_utc(int64_t seconds) { return format_utc(seconds, "%Y-%m-%dT%H:%M:%SZ"); }

std::string now_iso8601() { return iso8601_utc(std::time(nullptr)); }

std::string now_run_stamp() { return format_utc(std::time(nullptr), "%Y%m%dT%H%M%SZ"); }

}  // namespace seriesctl::util
