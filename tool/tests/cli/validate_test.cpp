#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/git_fixture.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "support/source_paths.h"

using namespace seriesctl;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

// The whole plan of the shipped config, byte for byte: every step, host,
// command and timeout a run on ohm would use.
TEST(ValidateCli, DryRunPrintsTheFullPlanForTheShippedConfig) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    proc::ProcessResult plan =
        test::run_seriesctl({"validate", "--hw", "ohm", "--v2", "--dry-run"}, root, dir / "home");
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    EXPECT_EQ(plan.err, "");
    std::string expected = util::read_file(test::source_dir() + "/tool/tests/data/validate-ohm-dry-run.txt");
    EXPECT_EQ(replaced(plan.out, (dir / "home/cache").string(), "$XDG_CACHE_HOME"), expected);
}

TEST(ValidateCli, DryRunJsonListsTheSameSteps) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    proc::ProcessResult plan =
        test::run_seriesctl({"--json", "validate", "--hw", "ohm", "--dry-run"}, root, dir / "home");
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    auto json = nlohmann::json::parse(plan.out);
    EXPECT_EQ(json["board"], "ohm");
    EXPECT_EQ(json["version"], "v2");
    ASSERT_EQ(json["steps"].size(), 10u);
    EXPECT_EQ(json["steps"][2]["name"], "makepkg");
    EXPECT_EQ(json["steps"][2]["host"], "boltzmann");
    EXPECT_EQ(json["steps"][2]["timeout"], 14400);
    EXPECT_EQ(json["steps"][8]["kind"], "workload");
    EXPECT_NE(json["steps"][8]["commands"][0].get<std::string>().find(
                  "timeout 30 sh -c 'env WAYLAND_DISPLAY=wayland-0 XDG_RUNTIME_DIR=/run/user/1000 mpv "
                  "--hwdec=v4l2request --vo=dmabuf-wayland"),
              std::string::npos);
}

TEST(ValidateCli, BadHostsYamlIsOneLineAndExit2) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    test::write(dir / "home/config/seriesctl/hosts.yaml", "hosts:\n  ohm:\n    ssh: ohm\n    arch: [aarch64\n");
    proc::ProcessResult plan = test::run_seriesctl({"validate", "--hw", "ohm", "--dry-run"}, root, dir / "home");
    EXPECT_EQ(plan.exit_code, 2);
    std::string file = (dir / "home/config/seriesctl/hosts.yaml").string();
    EXPECT_EQ(plan.err.rfind("seriesctl: " + file + ":", 0), 0u) << plan.err;
    EXPECT_EQ(std::count(plan.err.begin(), plan.err.end(), '\n'), 1) << plan.err;
    proc::ProcessResult unknown =
        test::run_seriesctl({"validate", "--hw", "boltzmann", "--dry-run"}, root, dir / "empty");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_EQ(unknown.err, "seriesctl: no board named 'boltzmann' in hosts.yaml (configured: ohm)\n");
}
