#pragma once

#include "util/clock.h"  // iso8601_utc, the form dates are written in

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace seriesctl::mail {

/// An RFC 2822 date with the zone it was written in.
struct MailDate {
    int64_t time = 0;  ///< seconds since the epoch
    int offset = 0;    ///< the zone, minutes east of UTC
};

/// Parses an RFC 2822 date ("Thu, 14 May 2026 10:06:41 +0200"; the day name
/// and seconds optional, a "(CET)" comment after the zone ignored, RFC 5322's
/// zone names GMT, UT, EST … PDT). git needs the zone to write a commit again.
std::optional<MailDate> parse_mail_date_zone(std::string_view text);

/// The same date as seconds since the epoch; nullopt when it does not parse.
std::optional<int64_t> parse_mail_date(std::string_view text);

}  // namespace seriesctl::mail
