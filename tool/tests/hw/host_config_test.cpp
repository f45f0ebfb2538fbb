#include <gtest/gtest.h>

#include "hw/host_config.h"
#include "support/source_paths.h"
#include "support/temp_dir.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::hw;

namespace {

std::string error_of(const std::string& text) {
    try {
        parse_host_config(text, "hosts.yaml");
    } catch (const util::Error& e) {
        return e.what();
    }
    return "";
}

const char* board_prefix =
    "hosts:\n"
    "  b:\n"
    "    ssh: b\n"
    "    arch: aarch64\n"
    "    role: board\n"
    "    job:\n"
    "      remote: /tmp/r-{run}\n"
    "      trace-start: 'true'\n"
    "      trace-stop: 'true'\n"
    "      dmesg: dmesg\n"
    "      screenshot: shot {file}\n"
    "      steps:\n";

}  // namespace

TEST(HostConfig, ShippedConfigNamesTheSeedsMachines) {
    HostConfig config = load_host_config(test::source_dir() + "/config", "/nonexistent");
    ASSERT_EQ(config.count("boltzmann"), 1u);
    EXPECT_EQ(config.at("boltzmann").role, HostSpec::Role::build_host);
    const HostSpec& ohm = find_board(config, "ohm");
    EXPECT_EQ(ohm.ssh, "ohm");
    EXPECT_EQ(ohm.job.vars.at("package"), "linux-pinetab2-danctnix-besser");
    std::vector<std::string> names;
    for (const auto& step : ohm.job.steps) names.push_back(step.name);
    EXPECT_EQ(names, (std::vector<std::string>{"copy-patches", "bump-pkgrel", "makepkg", "fetch-package", "copy-package",
                                               "install", "reboot", "trace-events", "hantro", "rga"}));
    const JobStep& hantro = ohm.job.steps[8];
    EXPECT_EQ(hantro.kind, JobStep::Kind::workload);
    EXPECT_EQ(hantro.duration, 30);
    EXPECT_EQ(hantro.screenshot_interval, 1);
    EXPECT_NE(hantro.command.find("mpv --hwdec=v4l2request --vo=dmabuf-wayland"), std::string::npos);
    EXPECT_EQ(ohm.job.steps[6].expect_kernel, "{kernel}");
    try {
        find_board(config, "boltzmann");
        FAIL();
    } catch (const util::Error& e) {
        EXPECT_STREQ(e.what(), "no board named 'boltzmann' in hosts.yaml (configured: ohm)");
    }
}

TEST(HostConfig, BadYamlNamesFileLineAndColumn) {
    EXPECT_EQ(error_of("hosts:\n  b: [unclosed\n").rfind("hosts.yaml:3:1: ", 0), 0u) << error_of("hosts:\n  b: [unclosed\n");
    EXPECT_EQ(error_of("hosts:\n  b:\n    ssh: b\n    arch: x\n    role: laptop\n"),
              "hosts.yaml:5:11: hosts.b.role: 'laptop' is not one of build-host, board");
    EXPECT_EQ(error_of("hosts:\n  b:\n    ssh: b\n    arch: x\n    role: build-host\n    colour: red\n"),
              "hosts.yaml:6:5: hosts.b.colour: unknown field");
}

TEST(HostConfig, StepsNeedKnownVariablesTimeoutsAndOneKind) {
    std::string ok = std::string(board_prefix) +
                     "        - {name: a, host: b, run: 'echo {run}', capture: made, timeout: 5}\n"
                     "        - {name: c, host: b, get: ['{made}'], to: '{local}', timeout: 5}\n";
    EXPECT_EQ(error_of(ok), "");
    EXPECT_EQ(error_of(std::string(board_prefix) + "        - {name: a, host: b, run: 'echo {made}', timeout: 5}\n"),
              "hosts.yaml:13:35: hosts.b.job.steps[0].run: {made} is not a variable here (built in, the job's vars, "
              "or captured by an earlier step)");
    EXPECT_EQ(error_of(std::string(board_prefix) + "        - {name: a, host: b, run: 'true'}\n"),
              "hosts.yaml:13:11: hosts.b.job.steps[0].timeout: missing");
    EXPECT_EQ(error_of(std::string(board_prefix) + "        - {name: a, host: b, run: x, reboot: y, timeout: 5}\n"),
              "hosts.yaml:13:18: hosts.b.job.steps[0].name: a step is exactly one of run, put, get, reboot, workload");
    EXPECT_EQ(error_of(std::string(board_prefix) +
                       "        - {name: w, host: b, workload: x, duration: 30, timeout: 30}\n"),
              "hosts.yaml:13:66: hosts.b.job.steps[0].timeout: must be longer than the workload's duration");
}
