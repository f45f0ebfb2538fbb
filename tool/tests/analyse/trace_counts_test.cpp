#include "analyse/trace_counts.h"

#include <gtest/gtest.h>

#include "util/atomic_file.h"
#include "support/source_paths.h"

using namespace seriesctl;
using namespace seriesctl::analyse;

namespace {

std::string data(const std::string& name) {
    return util::read_file(test::source_dir() + "/tool/tests/data/qemu/" + name);
}

TEST(TraceCounts, ParsesTracefsAndTraceCmdLines) {
    auto events = parse_trace(
        "# tracer: nop\n"
        "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
        "     fence_probe-70      [001] .....     1.523441: dma_fence_init: driver=videobuf2 timeline=vb2-release context=3 seqno=1\n"
        "   kworker/0:1-12  [000]     1.824102: vb2_buf_done: owner = 00000000a1b2c3d4, queued = 0, owned_by_drv = 1, index = 0, type = 9, bytesused = 230400, timestamp = 0\n");
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].task, "fence_probe");
    EXPECT_EQ(events[0].pid, 70);
    EXPECT_EQ(events[0].cpu, 1);
    EXPECT_EQ(events[0].name, "dma_fence_init");
    EXPECT_EQ(events[0].fields.at("context"), "3");
    EXPECT_EQ(events[1].task, "kworker/0:1");
    EXPECT_EQ(events[1].name, "vb2_buf_done");
    EXPECT_EQ(events[1].fields.at("index"), "0");
    EXPECT_EQ(events[1].fields.at("type"), "9");
}

std::string line(const std::string& event, const std::string& fields, double time) {
    return "  p-1 [000] ..... " + std::to_string(time) + ": " + event + ": " + fields + "\n";
}

TEST(TraceCounts, AFenceNeverSignalledUnbalancesBeyondTheInFlightAllowance) {
    std::string fence1 = "driver=videobuf2 timeline=vb2-release context=3 seqno=1";
    std::string fence2 = "driver=videobuf2 timeline=vb2-release context=3 seqno=2";
    std::string text = line("dma_fence_init", fence1, 1) + line("dma_fence_signaled", fence1, 2) +
                       line("dma_fence_init", fence2, 3);
    auto events = parse_trace(text);
    EXPECT_EQ(balance_trace(events, 0).fences_unsignalled, 1u);
    EXPECT_FALSE(balance_trace(events, 0).balanced());
    EXPECT_TRUE(balance_trace(events, 1).balanced());  // one may still be in flight at stop
}

TEST(TraceCounts, BuffersAreMatchedPerBufferAndDoubleSignalsCounted) {
    std::string buf0 = "owner = 1, queued = 0, owned_by_drv = 1, index = 0, type = 9, bytesused = 0, timestamp = 0";
    std::string buf1 = "owner = 1, queued = 0, owned_by_drv = 1, index = 1, type = 9, bytesused = 0, timestamp = 0";
    std::string fence = "driver=x timeline=y context=3 seqno=1";
    std::string text = line("vb2_buf_queue", buf0, 1) + line("vb2_buf_queue", buf1, 2) + line("vb2_buf_done", buf1, 3) +
                       line("vb2_buf_done", buf1, 4) + line("dma_fence_init", fence, 5) +
                       line("dma_fence_signaled", fence, 6) + line("dma_fence_signaled", fence, 7);
    auto balance = balance_trace(parse_trace(text), 0);
    EXPECT_EQ(balance.buffers_not_done, 1u);  // buffer 0; buffer 1's second done does not make up for it
    EXPECT_EQ(balance.signalled_twice, 1u);
    EXPECT_EQ(balance.problems().size(), 2u);
}

// The trace of a real qemu run of v2 + overlay (tool/tests/data/qemu/):
// every fence vim2m's jobs published was signalled and every capture and
// output buffer came back.
TEST(TraceCounts, RealV2TraceBalances) {
    auto balance = balance_trace(parse_trace(data("v2-trace.txt")), 0);
    EXPECT_GT(balance.count("dma_fence_init"), 0u);
    EXPECT_EQ(balance.count("dma_fence_init"), balance.count("dma_fence_signaled"));
    EXPECT_EQ(balance.count("vb2_buf_queue"), balance.count("vb2_buf_done"));
    EXPECT_TRUE(balance.balanced()) << balance.problems().front();
}

// The base kernel: vb2 events, and no fence but the stub (initialised
// once, on the first export).
TEST(TraceCounts, RealBaseTraceHasOnlyTheStub) {
    auto events = parse_trace(data("base-trace.txt"));
    auto balance = balance_trace(events, 0);
    EXPECT_GT(balance.count("vb2_buf_queue"), 0u);
    EXPECT_EQ(balance.count("vb2_buf_queue"), balance.count("vb2_buf_done"));
    for (const auto& event : events) {
        if (event.name == "dma_fence_init") {
            EXPECT_EQ(event.fields.at("driver"), "stub");
        }
    }
    EXPECT_EQ(balance.count("dma_fence_init"), 1u);
}

}  // namespace
