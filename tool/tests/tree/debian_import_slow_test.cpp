#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/git_fixture.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "support/source_paths.h"

using namespace seriesctl;
namespace fs = std::filesystem;

// The real thing: Debian's linux-source-6.12 tarball (whatever version the
// machine has today) through the binary, into a store of the test's own
// that only borrows objects from the user's. It must give the commit the
// user's import has (the same tarball gives the same commit anywhere), and
// importing again is a no-op.
TEST(DebianImport, ImportsLinuxSource612DeterministicallyAndIsIdempotent) {
    ASSERT_TRUE(fs::exists("/usr/src/linux-source-6.12.tar.xz")) << "tool/install-deps installs it";
    proc::ProcessResult package =
        run_command(proc::Command{{"dpkg-query", "-W", "-f=${Version}", "linux-source-6.12"}});
    ASSERT_TRUE(package.ok());
    std::string tag_version = package.out;
    std::replace(tag_version.begin(), tag_version.end(), '~', '_');

    test::TempDir dir;
    fs::path shared_store = test::shared_cache_home() / "seriesctl" / "store.git";
    fs::path store = dir / "home" / "cache" / "seriesctl" / "store.git";
    test::run_ok(proc::Command{{"git", "init", "-q", "--bare", store.string()}});
    if (fs::exists(shared_store / "objects"))
        test::write(store / "objects" / "info" / "alternates", (shared_store / "objects").string() + "\n");

    proc::ProcessResult first = test::run_seriesctl({"--json", "tree", "import", "debian-6.12"}, test::source_dir(),
                                              dir / "home");
    ASSERT_EQ(first.exit_code, 0) << first.err;
    auto imported = nlohmann::json::parse(first.out);
    EXPECT_EQ(imported["tag"], "refs/tags/debian-6.12/" + tag_version);
    proc::ProcessResult shared_tip = run_command(proc::Command{
        {"git", "--git-dir=" + shared_store.string(), "rev-parse", "refs/tags/debian-6.12/" + tag_version}});
    if (shared_tip.ok()) {
        EXPECT_EQ(imported["commit"].get<std::string>() + "\n", shared_tip.out);
    }

    proc::ProcessResult second =
        test::run_seriesctl({"tree", "import", "debian-6.12"}, test::source_dir(), dir / "home");
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find("debian-6.12 is imported already"), std::string::npos) << second.out;

    fs::path tree = dir / "home" / "cache" / "seriesctl" / "trees" / "debian-6.12";
    std::string upstream = package.out.substr(0, package.out.find('-'));  // 6.12.118-1~deb12u1 → 6.12.118
    EXPECT_NE(util::read_file(tree / "Makefile").find("SUBLEVEL = " + upstream.substr(upstream.rfind('.') + 1)),
              std::string::npos);
    EXPECT_TRUE(fs::exists(tree / "scripts" / "checkpatch.pl"));
    EXPECT_TRUE(fs::exists(tree / "drivers" / "media" / "common" / "videobuf2" / "videobuf2-core.c"));
}
