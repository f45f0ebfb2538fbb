#include <gtest/gtest.h>

#include "support/git_fixture.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;

TEST(StatusCli, ShowsTheShippedSeriesVersionsAndOpenGates) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    proc::ProcessResult status = test::run_seriesctl({"status"}, root / "series", dir.path());
    ASSERT_EQ(status.exit_code, 0) << status.err;
    EXPECT_NE(status.out.find("v1       sent   3        debian-6.12 @ v6.12.117  2026-04-29  2        0"),
              std::string::npos)
        << status.out;
    EXPECT_NE(status.out.find("v2       draft  3"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("checkpatch    open   no evidence"), std::string::npos) << status.out;
}

TEST(StatusCli, BadYamlIsOneLineNamingTheFileAndExit2) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    auto file = root / "series" / "vb2-release-fence.yaml";
    std::string text = util::read_file(file);
    util::write_file_atomically(file, text.replace(text.find("state: draft"), 12, "state: drafty"));
    proc::ProcessResult status = test::run_seriesctl({"status"}, root, dir.path());
    EXPECT_EQ(status.exit_code, 2);
    EXPECT_EQ(status.err.substr(0, status.err.find(':') + 1), "seriesctl:");
    EXPECT_NE(status.err.find("vb2-release-fence.yaml:"), std::string::npos);
    EXPECT_NE(status.err.find(": versions[1].state: 'drafty' is not one of draft, ready, sending, sent, superseded\n"),
              std::string::npos)
        << status.err;
    EXPECT_EQ(std::count(status.err.begin(), status.err.end(), '\n'), 1);
}

TEST(StatusCli, JsonAndUnknownVerb) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    proc::ProcessResult json = test::run_seriesctl({"--json", "status"}, root, dir.path());
    ASSERT_EQ(json.exit_code, 0);
    EXPECT_NE(json.out.find("\"change_id\": \"20260428-vb2-release-fence-4fcbcddcd1d2\""), std::string::npos);
    proc::ProcessResult typo = test::run_seriesctl({"stauts"}, root, dir.path());
    EXPECT_EQ(typo.exit_code, 2);
    EXPECT_EQ(typo.err, "seriesctl: unknown command 'stauts' (did you mean 'status'?); see seriesctl --help\n");
}
