#include "util/clock.h"

#include <ctime>

namespace seriesctl {

std::string iso8601_utc(int64_t seconds) {
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string now_iso8601() { return iso8601_utc(std::time(nullptr)); }

}  // namespace seriesctl
