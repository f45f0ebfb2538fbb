#include "repo/series_file.h"

#include "series/series_yaml.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/file_lock.h"

namespace seriesctl::repo {

series::Series load_series_file(const std::filesystem::path& file) {
    series::Series series = series::parse_series(util::read_file(file), file.string());
    if (series.name != file.stem().string())
        throw util::Error(file.string() + ": name: '" + series.name + "' differs from the file name '" +
                    file.stem().string() + "'");
    return series;
}

void save_series_file(const std::filesystem::path& file, const series::Series& series) {
    util::write_file_atomically(file, series::render_series(series));
}

series::Series update_series_file(const std::filesystem::path& file,
                                  const std::function<void(series::Series&)>& change) {
    util::FileLock lock(file.parent_path() / ("." + file.filename().string() + ".lock"));
    series::Series series = load_series_file(file);
    change(series);
    // What we write must read back: a change that breaks a rule is caught here,
    // before the file is touched.
    std::string text = series::render_series(series);
    series::parse_series(text, file.string());
    util::write_file_atomically(file, text);
    return series;
}

}  // namespace seriesctl::repo
