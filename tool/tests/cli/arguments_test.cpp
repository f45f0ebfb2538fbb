// Argument handling of the real binary, as a newcomer tries it.
#include <gtest/gtest.h>

#include "support/git_fixture.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"

using namespace seriesctl;

TEST(Arguments, EveryGlobalOptionWorksBeforeTheVerb) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--color", "never", "status"},
             {"--color=never", "status"},
             {"--root", root.string(), "--color", "always", "--json", "status"},
             {"--json", "--color", "never", "--root", root.string(), "status"}}) {
        proc::ProcessResult status = test::run_seriesctl(args, root, dir.path());
        EXPECT_EQ(status.exit_code, 0) << args[0] << " " << args[1] << ": " << status.err;
        EXPECT_NE(status.out.find("vb2-release-fence"), std::string::npos) << status.out;
    }
    proc::ProcessResult bad = test::run_seriesctl({"--color", "sometimes", "status"}, root, dir.path());
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("sometimes"), std::string::npos) << bad.err;
    proc::ProcessResult typo = test::run_seriesctl({"--color", "never", "stauts"}, root, dir.path());
    EXPECT_EQ(typo.exit_code, 2);
    EXPECT_EQ(typo.err, "seriesctl: unknown command 'stauts' (did you mean 'status'?); see seriesctl --help\n");
}

// Two structs named CheckReport made this a SIGSEGV: the linker kept one
// destructor for both.
TEST(Arguments, RebaseCheckOntoAnUnknownTreeIsOneLineAndExit2) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    proc::ProcessResult check = test::run_seriesctl({"rebase", "--check", "--onto", "no-such-tree"}, root, dir.path());
    EXPECT_EQ(check.exit_code, 2) << check.err;
    EXPECT_EQ(check.err,
              "seriesctl: no tree named 'no-such-tree' (configured: debian-6.12, linux-next, mainline, media-next, "
              "rga3)\n");
}

TEST(Arguments, RebaseCheckWithNoTreeInTheCacheSaysNothingWasCheckedAndExits1) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    proc::ProcessResult check = test::run_seriesctl({"rebase", "--check"}, root, dir.path());
    EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
    EXPECT_NE(check.out.find("nothing was checked: none of the 4 trees is in the cache"), std::string::npos)
        << check.out;
    proc::ProcessResult json = test::run_seriesctl({"--json", "rebase", "--check"}, root, dir.path());
    EXPECT_EQ(json.exit_code, 1);
    EXPECT_NE(json.out.find("\"checked\": 0"), std::string::npos) << json.out;
}
