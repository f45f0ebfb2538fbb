// The qemu lane end to end on the real Linux 6.12 tree: v2 + the
// validation overlay and the base kernel are built (ccache, out of tree),
// booted under qemu, and judged; a second run reuses both kernels.
#include <chrono>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "proc/subprocess.h"
#include "support/kernel_cache.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "support/source_paths.h"

namespace fs = std::filesystem;
using namespace seriesctl;

namespace {

proc::ProcessResult validate(const fs::path& root, const fs::path& cache, int timeout_seconds) {
    proc::Command command{{"timeout", std::to_string(timeout_seconds), test::seriesctl_binary(), "--root",
                           root.string(), "--json", "validate", "--hw", "qemu", "--version", "v2", "--ab"}};
    command.env = {{"XDG_CACHE_HOME", cache.string()}, {"NO_COLOR", "1"}};
    return run_command(command);
}

TEST(QemuLane, V2FencesAreRealAndTheBaseShowsTheStub) {
    test::TempDir dir;
    fs::path root = test::copy_project(dir / "project");
    fs::path cache = test::borrow_kernel_cache(dir / "home");

    proc::ProcessResult cold = validate(root, cache, 15 * 60);
    ASSERT_EQ(cold.exit_code, 0) << cold.err << cold.out;
    auto report = nlohmann::json::parse(cold.out);
    ASSERT_EQ(report["runs"].size(), 2u);
    const auto& patched = report["runs"][0];
    const auto& base = report["runs"][1];
    EXPECT_EQ(report["overlay"].size(), 2u);
    EXPECT_EQ(patched["probe"]["verdict"], "fence");
    EXPECT_EQ(patched["probe"]["drivers"], nlohmann::json::array({"videobuf2"}));
    EXPECT_GE(patched["probe"]["unsignalled_in_flight"].get<int>(), 3);
    EXPECT_EQ(patched["probe"]["signalled_done"], patched["probe"]["jobs"]);
    EXPECT_TRUE(patched["summary"]["trace"]["balanced"]);
    EXPECT_EQ(patched["summary"]["trace"]["counts"]["dma_fence_init"],
              patched["summary"]["trace"]["counts"]["dma_fence_signaled"]);
    EXPECT_EQ(patched["summary"]["figures"]["kernel-reports-in-series"], "0");
    EXPECT_EQ(base["probe"]["verdict"], "stub");
    EXPECT_EQ(base["probe"]["stub"], base["probe"]["jobs"]);
    EXPECT_EQ(report["gates"]["qemu"], "passed");
    std::string record = util::read_file(root / "series" / "vb2-release-fence.yaml");
    EXPECT_NE(record.find("qemu:"), std::string::npos);
    EXPECT_NE(record.find("kernel: " + patched["summary"]["kernel"].get<std::string>()), std::string::npos);
    EXPECT_TRUE(fs::exists(fs::path(patched["artifacts"].get<std::string>()) / "trace.txt"));

    auto start = std::chrono::steady_clock::now();
    proc::ProcessResult warm = validate(root, cache, 5 * 60);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(warm.exit_code, 0) << warm.err;
    auto again = nlohmann::json::parse(warm.out);
    EXPECT_TRUE(again["runs"][0]["reused"]);
    EXPECT_TRUE(again["runs"][1]["reused"]);
    EXPECT_LE(seconds, 90.0);
}

}  // namespace
