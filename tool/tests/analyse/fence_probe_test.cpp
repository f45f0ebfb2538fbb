#include "analyse/fence_probe.h"

#include <gtest/gtest.h>

#include "analyse/console_sections.h"
#include "util/atomic_file.h"
#include "support/source_paths.h"

using namespace seriesctl;
using namespace seriesctl::analyse;

namespace {

std::string data(const std::string& name) {
    return util::read_file(test::source_dir() + "/tool/tests/data/qemu/" + name);
}

TEST(ConsoleSections, CutsAtMarkersAndToleratesCrLf) {
    auto console = split_console("noise\r\n@@seriesctl-begin uname\r\n6.12.117\r\n@@seriesctl-end uname\r\n"
                                 "@@seriesctl-begin trace\nhalf");
    EXPECT_EQ(console.get("uname"), "6.12.117\n");
    EXPECT_EQ(console.get("trace"), "");  // never closed: the guest died printing it
    EXPECT_FALSE(console.done);
}

TEST(FenceProbe, ATruncatedRunIsNotComplete) {
    auto result = parse_fence_probe("fence-probe: device /dev/video0\n"
                                    "fence-probe: job 0 phase=in-flight driver=videobuf2 status=0 sync-poll=0 dmabuf-poll=0\n");
    EXPECT_FALSE(result.complete);
    EXPECT_EQ(result.device, "/dev/video0");
    EXPECT_EQ(result.drivers, std::vector<std::string>{"videobuf2"});
}

// The real console of v2 + overlay and of the base kernel under qemu.
TEST(FenceProbe, RealV2RunShowsTheFence) {
    auto result = parse_fence_probe(split_console(data("v2-console.log")).get("probe"));
    ASSERT_TRUE(result.complete);
    EXPECT_EQ(result.verdict, "fence");
    EXPECT_EQ(result.fenced, result.jobs);
    EXPECT_EQ(result.signalled_done, result.jobs);
    EXPECT_GE(result.unsignalled_in_flight, 3);
    EXPECT_EQ(result.drivers, std::vector<std::string>{"videobuf2"});
}

TEST(FenceProbe, RealBaseRunShowsTheStub) {
    auto console = split_console(data("base-console.log"));
    EXPECT_TRUE(console.done);
    auto result = parse_fence_probe(console.get("probe"));
    ASSERT_TRUE(result.complete);
    EXPECT_EQ(result.verdict, "stub");
    EXPECT_EQ(result.stub, result.jobs);
    EXPECT_EQ(result.unsignalled_in_flight, 0);
    EXPECT_EQ(result.drivers, std::vector<std::string>{"stub"});
}

}  // namespace
