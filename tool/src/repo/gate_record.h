#pragma once

#include <map>
#include <string>

#include "repo/project.h"
#include "series/series.h"

namespace seriesctl::repo {

/// Stores gate results on a version, under the series lock: each named gate
/// is replaced by its new evidence, other gates stay as they are.
void record_gates(const Project& project, const std::string& series, const std::string& version,
                  const std::map<std::string, series::Evidence>& gates);

}  // namespace seriesctl::repo
