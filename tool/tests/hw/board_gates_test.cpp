#include <gtest/gtest.h>

#include "hw/board_gates.h"

using namespace seriesctl;
using namespace seriesctl::hw;

namespace {

analyse::FrameReport frames(size_t good, size_t uniform) {
    std::vector<analyse::FrameStats> list;
    for (size_t i = 0; i < good + uniform; ++i)
        list.push_back({"f" + std::to_string(i) + ".png", "md5-" + std::to_string(i), i < good ? 5000u : 1u, 0,
                        i >= good, false});
    return analyse::check_frames(list);
}

const GateResult* find(const std::vector<GateResult>& gates, const std::string& name) {
    for (const auto& gate : gates)
        if (gate.name == name) return &gate;
    return nullptr;
}

}  // namespace

TEST(BoardGates, NothingAnalysedEarnsNoGate) {
    EXPECT_TRUE(board_gates({{"hantro", {}, {}, {}}, {"rga", {}, {}, {}}}).empty());
    EXPECT_TRUE(board_gates({}).empty());
}

TEST(BoardGates, FramesGatePerWorkloadWithScreenshots) {
    auto gates = board_gates({{"hantro", {}, {}, frames(30, 0)}, {"rga", {}, {}, {}}});
    ASSERT_EQ(gates.size(), 1u);
    EXPECT_EQ(gates[0].name, "frames-hantro");
    EXPECT_TRUE(gates[0].passed);
    EXPECT_EQ(gates[0].figures.at("frames"), "30");
    EXPECT_EQ(gates[0].figures.at("uniform"), "0");

    auto failed = board_gates({{"hantro", {}, {}, frames(29, 1)}});
    EXPECT_FALSE(failed[0].passed);
    EXPECT_EQ(failed[0].why, "uniform: f29.png (md5 md5-29)");
    auto none = board_gates({{"hantro", {}, {}, frames(0, 0)}});
    EXPECT_FALSE(none[0].passed);
    EXPECT_EQ(none[0].why, "no screenshots were taken");
}

TEST(BoardGates, FenceBalanceNeedsEveryWorkloadsTrace) {
    TraceVerdict balanced{true, {{"dma_fence_init", 900}, {"dma_fence_signaled", 900}}, {}};
    TraceVerdict leaking{false, {{"dma_fence_init", 900}}, {"12 fences never signalled"}};
    EXPECT_EQ(find(board_gates({{"hantro", balanced, {}, {}}, {"rga", {}, {}, {}}}), "fence-balance"), nullptr);
    auto good = board_gates({{"hantro", balanced, {}, {}}, {"rga", balanced, {}, {}}});
    ASSERT_NE(find(good, "fence-balance"), nullptr);
    EXPECT_TRUE(find(good, "fence-balance")->passed);
    EXPECT_EQ(find(good, "fence-balance")->figures.at("rga-dma_fence_signaled"), "900");
    auto bad = board_gates({{"hantro", balanced, {}, {}}, {"rga", leaking, {}, {}}});
    EXPECT_FALSE(find(bad, "fence-balance")->passed);
    EXPECT_EQ(find(bad, "fence-balance")->why, "rga: 12 fences never signalled");
}

TEST(BoardGates, LockdepFailsOnlyOnReportsInTheSeriesCode) {
    LockdepVerdict unrelated{0, 1, {}};  // the seed's bes2600 splat
    LockdepVerdict ours{1, 0, {"possible circular locking dependency detected"}};
    auto gates = board_gates({{"hantro", {}, unrelated, {}}, {"rga", {}, ours, {}}});
    ASSERT_EQ(gates.size(), 2u);
    EXPECT_EQ(gates[0].name, "lockdep-hantro");
    EXPECT_TRUE(gates[0].passed);
    EXPECT_EQ(gates[0].figures.at("unrelated"), "1");
    EXPECT_EQ(gates[1].name, "lockdep-rga");
    EXPECT_FALSE(gates[1].passed);
    EXPECT_EQ(gates[1].why, "possible circular locking dependency detected");
}
