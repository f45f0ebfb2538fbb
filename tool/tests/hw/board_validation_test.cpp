// The board job's analysis of what a workload left, on a trace and dmesg a
// real kernel wrote (the qemu lane's v2 run and its lockdep demo).
#include "hw/board_validation.h"

#include <gtest/gtest.h>

#include "analyse/series_code_config.h"
#include "support/source_paths.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::hw;

namespace {

const std::string data_dir = test::source_dir() + "/tool/tests/data/qemu/";

analyse::SeriesCode shipped_series_code() {
    auto file = test::source_dir() + "/kernel/vb2-release-fence/configs/series-code.yaml";
    return analyse::parse_series_code(util::read_file(file), file);
}

WorkloadArtifacts artifacts(const std::string& trace, const std::string& dmesg) {
    WorkloadArtifacts workload;
    workload.name = "probe";
    workload.trace = data_dir + trace;
    workload.dmesg = data_dir + dmesg;
    return workload;
}

}  // namespace

TEST(BoardValidation, ARealBalancedTraceAndAnUnrelatedLockdepReportPassBothGates) {
    WorkloadAnalysis analysis = analyse_workload(artifacts("v2-trace.txt", "lockdep-demo-dmesg.txt"), shipped_series_code());
    ASSERT_TRUE(analysis.trace);
    EXPECT_TRUE(analysis.trace->balanced) << testing::PrintToString(analysis.trace->problems);
    EXPECT_EQ(analysis.trace->counts.at("dma_fence_init"), analysis.trace->counts.at("dma_fence_signaled"));
    ASSERT_TRUE(analysis.lockdep);
    EXPECT_EQ(analysis.lockdep->in_series, 0u);
    EXPECT_EQ(analysis.lockdep->unrelated, 1u);
    EXPECT_FALSE(analysis.frames) << "no screenshots were taken";

    auto gates = board_gates({analysis});
    ASSERT_EQ(gates.size(), 2u);
    EXPECT_EQ(gates[0].name, "fence-balance");
    EXPECT_TRUE(gates[0].passed);
    EXPECT_EQ(gates[1].name, "lockdep-probe");
    EXPECT_TRUE(gates[1].passed);
}

TEST(BoardValidation, AnOopsInTheSeriesCodeFailsTheLockdepGate) {
    WorkloadAnalysis analysis = analyse_workload(artifacts("v2-trace.txt", "broken-dmesg.txt"), shipped_series_code());
    ASSERT_TRUE(analysis.lockdep);
    EXPECT_EQ(analysis.lockdep->in_series, 1u);
    auto gates = board_gates({analysis});
    ASSERT_EQ(gates.size(), 2u);
    EXPECT_FALSE(gates[1].passed);
}

TEST(BoardValidation, ATraceWithoutFenceOrBufferEventsProvesNothing) {
    // A file without a single ftrace event line (here a dmesg) balances trivially.
    WorkloadAnalysis analysis = analyse_workload(artifacts("v2-dmesg.txt", "v2-dmesg.txt"), shipped_series_code());
    ASSERT_TRUE(analysis.trace);
    EXPECT_FALSE(analysis.trace->balanced);
    EXPECT_FALSE(board_gates({analysis})[0].passed);
}
