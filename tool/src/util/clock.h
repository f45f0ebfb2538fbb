#pragma once

#include <string>

namespace seriesctl {

/// The current time as ISO 8601 UTC, "2026-05-14T09:30:00Z": evidence dates.
std::string now_iso8601();

}  // namespace seriesctl
