#include "support/project_copy.h"

#include <cstdlib>

#include "support/git_fixture.h"
#include "support/source_paths.h"

namespace fs = std::filesystem;

namespace seriesctl::test {

fs::path copy_project(const fs::path& dir) {
    const fs::path source(test::source_dir());
    fs::create_directories(dir);
    for (const char* part : {"config", "kernel", "templates"})
        if (fs::exists(source / part)) fs::copy(source / part, dir / part, fs::copy_options::recursive);
    // series/ from the index: what is committed plus what the developer
    // staged, never the gates a run of the main job wrote into the work tree.
    // (A source tree that is no git checkout has only its files to give.)
    proc::ProcessResult tracked =
        run_command(proc::Command{{"git", "-C", source.string(), "ls-files", "-z", "--", "series"}});
    if (tracked.ok() && !tracked.out.empty())
        run_ok(proc::Command{{"git", "-C", source.string(), "checkout-index", "--force", "-z", "--stdin",
                        "--prefix=" + (fs::absolute(dir) / "").string()}},
               tracked.out);
    else
        fs::copy(source / "series", dir / "series", fs::copy_options::recursive);
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
