#include "support/kernel_cache.h"

#include <stdexcept>

#include "support/git_fixture.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace seriesctl::test {

fs::path borrow_kernel_cache(const fs::path& home, WorkTrees work_trees) {
    const fs::path shared = shared_cache_home() / "seriesctl";
    const fs::path mine = home / "cache" / "seriesctl";
    if (!fs::exists(shared / "store.git" / "objects"))
        throw std::runtime_error(shared.string() + " has no imported kernel tree: run tool/test, which imports "
                                 "debian-6.12 before the tests");
    fs::create_directories(mine);
    run_ok(proc::Command{{"git", "init", "-q", "--bare", (mine / "store.git").string()}});
    write(mine / "store.git" / "objects" / "info" / "alternates", (shared / "store.git" / "objects").string() + "\n");
    std::string refs = run_ok(proc::Command{{"git", "--git-dir=" + (shared / "store.git").string(), "for-each-ref",
                                       "--format=create %(refname) %(objectname)"}});
    run_ok(proc::Command{{"git", "--git-dir=" + (mine / "store.git").string(), "update-ref", "--stdin"}}, refs);

    fs::create_directories(mine / "trees");
    if (fs::exists(shared / "trees"))
        for (const auto& tree : fs::directory_iterator(shared / "trees")) {
            fs::path own = mine / "trees" / tree.path().filename();
            if (work_trees == WorkTrees::shared)
                fs::create_directory_symlink(tree.path(), own);
            else
                run_ok(proc::Command{{"cp", "-a", tree.path().string(), own.string()}});
        }
    // Compiles are shared between tests (reused when their inputs match);
    // they are the suite's, apart from the user's own build directories.
    for (const char* part : {"build", "qemu"}) {
        fs::create_directories(shared / "tests" / part);
        fs::create_directory_symlink(shared / "tests" / part, mine / part);
    }
    return home / "cache";
}

}  // namespace seriesctl::test
