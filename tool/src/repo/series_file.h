#pragma once

#include <filesystem>
#include <functional>

#include "series/series.h"

namespace seriesctl::repo {

/// Reads and validates series/<name>.yaml; also checks the file is named
/// after the series it holds.
series::Series load_series_file(const std::filesystem::path& file);

/// Writes the series atomically in canonical form.
void save_series_file(const std::filesystem::path& file, const series::Series& series);

/// Read-modify-write under the series' lock (series/.<name>.yaml.lock), so
/// concurrent seriesctl processes never lose each other's changes. When
/// `change` throws, the file is left as it was.
series::Series update_series_file(const std::filesystem::path& file,
                                  const std::function<void(series::Series&)>& change);

}  // namespace seriesctl::repo
