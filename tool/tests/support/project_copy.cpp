#include "support/project_copy.h"

#include <cstdlib>

namespace fs = std::filesystem;

namespace seriesctl::test {

fs::path copy_project(const fs::path& dir) {
    fs::create_directories(dir);
    for (const char* part : {"config", "series", "kernel", "templates"})
        if (fs::exists(fs::path(SERIESCTL_SOURCE_DIR) / part))
            fs::copy(fs::path(SERIESCTL_SOURCE_DIR) / part, dir / part, fs::copy_options::recursive);
    for (const auto& entry : fs::directory_iterator(dir / "series"))
        if (entry.path().filename().string().rfind(".", 0) == 0) fs::remove(entry.path());
    return dir;
}

fs::path shared_cache_home() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg) return xdg;
    return fs::path(std::getenv("HOME")) / ".cache";
}

}  // namespace seriesctl::test
