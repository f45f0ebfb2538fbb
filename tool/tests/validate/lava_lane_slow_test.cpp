// The LAVA lane end to end on the real Linux 6.12 tree: the qemu lane's
// kernels (v2 + the validation overlay, and the base) booted by Debian's
// lava-dispatcher, here with lava-run and through lavacli on a farm whose
// jobs the same dispatcher runs; the job's log judged by the lane's
// analysers into the lava-qemu-fence and lava-qemu-lockdep gates.
#include <gtest/gtest.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "proc/subprocess.h"
#include "support/kernel_cache.h"
#include "support/lava_farm_server.h"
#include "support/project_copy.h"
#include "support/source_paths.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "validate/lava_job.h"
#include "validate/qemu_guest.h"

namespace fs = std::filesystem;
using namespace seriesctl;

namespace {

class LavaLane : public ::testing::Test {
protected:
    void SetUp() override {
        // lava-run runs jobs as root only (CI runs as root).
        if (::geteuid() != 0) GTEST_SKIP() << "lava-run needs root";
        root_ = test::copy_project(dir_ / "project");
        cache_ = test::borrow_kernel_cache(dir_ / "home");
        fs::create_directories(config_ / "seriesctl");
    }

    proc::ProcessResult validate(const std::vector<std::string>& more, int timeout_seconds = 15 * 60) {
        proc::Command command{{"timeout", std::to_string(timeout_seconds), test::seriesctl_binary(), "--root",
                               root_.string(), "validate", "--hw", "lava:qemu", "--version", "v2"}};
        command.argv.insert(command.argv.end(), more.begin(), more.end());
        command.env = {{"XDG_CACHE_HOME", cache_.string()}, {"XDG_CONFIG_HOME", config_.string()}, {"NO_COLOR", "1"}};
        return run_command(command);
    }

    std::string record() const { return util::read_file(root_ / "series" / "vb2-release-fence.yaml"); }

    test::TempDir dir_;
    fs::path root_, cache_, config_ = dir_ / "config";
};

bool dispatcher_leftovers() {
    std::error_code missing;
    for (const auto& entry : fs::directory_iterator("/var/lib/lava/dispatcher/tmp", missing))
        if (entry.path().filename().string().rfind("seriesctl-", 0) == 0) return true;
    return false;
}

}  // namespace

TEST_F(LavaLane, V2ThroughLavaRunRecordsFenceAndLockdepGates) {
    std::string before = record();
    proc::ProcessResult dry = validate({"--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err << dry.out;
    EXPECT_NE(dry.out.find("# LAVA job: patched\njob_name: seriesctl vb2-release-fence v2 patched\n"),
              std::string::npos)
        << dry.out;
    EXPECT_EQ(record(), before) << "a dry run records nothing";

    proc::ProcessResult run = validate({"--ab", "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
    auto report = nlohmann::json::parse(run.out);
    EXPECT_EQ(report["lane"], "lava-qemu");
    EXPECT_EQ(report["gates"]["lava-qemu-fence"], "passed");
    EXPECT_EQ(report["gates"]["lava-qemu-lockdep"], "passed");
    ASSERT_EQ(report["runs"].size(), 2u);
    const auto& patched = report["runs"][0];
    const auto& base = report["runs"][1];
    EXPECT_EQ(patched["accelerator"].get<std::string>().rfind("lava-run ", 0), 0u) << patched["accelerator"];
    EXPECT_TRUE(patched["finished"]);
    EXPECT_EQ(patched["probe"]["verdict"], "fence");
    EXPECT_TRUE(patched["summary"]["trace"]["balanced"]);
    EXPECT_GT(patched["summary"]["trace"]["counts"]["dma_fence_init"].get<int>(), 0);
    EXPECT_EQ(base["probe"]["verdict"], "stub");

    fs::path artifacts = patched["artifacts"].get<std::string>();
    std::string log = util::read_file(artifacts / "lava" / "lava.log");
    EXPECT_NE(log.find("\"case\": \"verdict\", \"definition\": \"fence-probe\""), std::string::npos)
        << "LAVA's own monitor matched the verdict";
    EXPECT_NE(util::read_file(artifacts / "console.log").find("@@seriesctl-done"), std::string::npos);
    EXPECT_FALSE(dispatcher_leftovers()) << "the job's downloads under /var/lib/lava/dispatcher/tmp are removed";

    std::string recorded = record();
    EXPECT_NE(recorded.find("lava-qemu-fence:"), std::string::npos);
    EXPECT_NE(recorded.find("lava-qemu-lockdep:"), std::string::npos);
}

TEST_F(LavaLane, AFarmRunsTheSameJobThroughLavacli) {
    test::LavaFarmServer farm(dir_ / "farm", validate::local_qemu_device(validate::kvm_usable(), 512, 2));
    fs::path files = dir_ / "farm-files";
    util::write_file_atomically(config_ / "lavacli.yaml", "lab:\n  uri: " + farm.uri() + "\n");
    util::write_file_atomically(config_ / "seriesctl" / "hosts.yaml",
                                "lava:\n  identity: lab\n  publish: " + files.string() + "\n  url: file://" +
                                    files.string() + "\n  polling: 1\n  wait: 600\n");

    // The lockdep demo's report reaches LAVA's console and is judged
    // outside the series' code.
    proc::ProcessResult run = validate({"--boot-arg", "lockdep_demo.run=1", "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
    auto report = nlohmann::json::parse(run.out);
    EXPECT_EQ(report["gates"]["lava-qemu-fence"], "passed");
    EXPECT_EQ(report["gates"]["lava-qemu-lockdep"], "passed");
    const auto& patched = report["runs"][0];
    EXPECT_EQ(patched["accelerator"], "lab job 1");
    EXPECT_EQ(patched["probe"]["verdict"], "fence");
    EXPECT_GE(std::stoi(patched["summary"]["figures"]["kernel-reports-unrelated"].get<std::string>()), 1)
        << patched["summary"].dump();

    YAML::Node submitted = YAML::LoadFile((farm.dir() / "1.yaml").string());
    std::string kernel_url = submitted["actions"][0]["deploy"]["images"]["kernel"]["url"].as<std::string>();
    EXPECT_EQ(kernel_url.rfind("file://" + files.string() + "/", 0), 0u) << kernel_url;
    EXPECT_TRUE(fs::exists(kernel_url.substr(7))) << "published where the farm fetches it";
    EXPECT_NE(
        submitted["actions"][0]["deploy"]["images"]["kernel"]["image_arg"].as<std::string>().find("lockdep_demo.run=1"),
        std::string::npos);
}
