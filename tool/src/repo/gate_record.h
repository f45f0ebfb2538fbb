#pragma once

#include <map>
#include <string>

#include "repo/project.h"
#include "series/series.h"

namespace seriesctl {

/// Stores gate results on a version, under the series lock: each named gate
/// is replaced by its new evidence, other gates stay as they are.
void record_gates(const Project& project, const std::string& series, const std::string& version,
                  const std::map<std::string, Evidence>& gates);

}  // namespace seriesctl
