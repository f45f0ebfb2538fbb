#pragma once

#include <string>

#include "analyse/kernel_reports.h"

namespace seriesctl::analyse {

/// The series' code as kernel/<series>/configs/series-code.yaml names it:
/// every lane (qemu, a board) places kernel reports against it.
SeriesCode parse_series_code(const std::string& text, const std::string& file);

}  // namespace seriesctl::analyse
