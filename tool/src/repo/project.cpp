#include "repo/project.h"

#include <algorithm>

#include "util/error.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace seriesctl::repo {

namespace {

bool is_project(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir / "series", ec) && fs::is_directory(dir / "config", ec);
}

}  // namespace

Project Project::find(const fs::path& start, const fs::path& explicit_root) {
    if (!explicit_root.empty()) {
        if (!is_project(explicit_root))
            throw util::Error(explicit_root.string() + " is not a seriesctl checkout (no series/ and config/)");
        return Project(fs::absolute(explicit_root));
    }
    for (fs::path dir = fs::absolute(start); ; dir = dir.parent_path()) {
        if (is_project(dir)) return Project(dir);
        if (dir == dir.root_path()) break;
    }
    throw util::Error("not inside a seriesctl checkout (no series/ and config/ in " + start.string() +
                " or above); use --root");
}

fs::path Project::series_file(const std::string& name) const { return series_dir() / (name + ".yaml"); }

std::vector<std::string> Project::series_names() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(series_dir()))
        if (entry.is_regular_file() && entry.path().extension() == ".yaml")
            names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string Project::resolve_series(const std::string& requested) const {
    auto names = series_names();
    if (!requested.empty()) {
        if (std::find(names.begin(), names.end(), requested) == names.end())
            throw util::Error("no series '" + requested + "' in " + series_dir().string() +
                        (names.empty() ? "" : " (there is " + util::joined(names, ", ") + ")"));
        return requested;
    }
    if (names.size() == 1) return names.front();
    if (names.empty()) throw util::Error("no series in " + series_dir().string());
    throw util::Error("several series in " + series_dir().string() + ", name one: " + util::joined(names, ", "));
}

}  // namespace seriesctl::repo
