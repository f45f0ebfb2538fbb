#pragma once

#include <string>
#include <vector>

#include "series/gate.h"
#include "series/series.h"

namespace seriesctl::series {

/// What stands between a version and the list, one line each: every gate
/// that is open, failed or stale, and every review of the previous version
/// that no version has addressed yet (author, patch, the excerpt's start).
/// Empty when the version may go.
std::vector<std::string> send_blockers(const Series& series, const Version& version,
                                       const std::vector<GateStatus>& gates);

}  // namespace seriesctl::series
