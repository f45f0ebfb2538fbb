#include <gtest/gtest.h>

#include "series/lifecycle.h"
#include "series/send_gate.h"

using namespace seriesctl;
using namespace seriesctl::series;

namespace {

Series two_versions() {
    Series series;
    series.versions.resize(2);
    series.versions[0].number = 1;
    series.versions[1].number = 2;
    Review open;
    open.id = "v1-1";
    open.author = "Nicolas Dufresne <nicolas.dufresne@collabora.com>";
    open.patch = 2;
    open.excerpt = "Publishing the fence from buf_queue breaks the dma_fence rule that a fence must signal in "
                   "finite time";
    Review answered = open;
    answered.id = "v1-2";
    answered.addressed_in = "v2";
    series.versions[0].reviews = {open, answered};
    return series;
}

Series series_with_open_review() {
    Series series;
    series.name = "demo";
    Version v1;
    v1.number = 1;
    v1.state = VersionState::sent;
    v1.sent = SentRecord{"2026-05-14", "c1@x.org", "", {}};
    v1.reviews.push_back({"v1-1", "r@x.org", "Rey Viewer <rey@x.org>", "2026-05-15", 2, {}, "Take the lock later.", "", ""});
    series.versions.push_back(v1);
    series.versions.push_back(next_version(series, series.versions[0], "kernel/demo/v2"));
    return series;
}

}  // namespace

TEST(SendGate, EveryGateNotPassedAndEveryOpenReviewOfThePreviousVersionBlocks) {
    Series series = two_versions();
    Evidence evidence;
    std::vector<GateStatus> gates = {{"checkpatch", GateState::passed, "", &evidence},
                                     {"build-x86_64", GateState::stale, "patch 1 changed since 2026-05-01", &evidence},
                                     {"qemu", GateState::open, "no evidence", nullptr},
                                     {"lint", GateState::failed, "", &evidence}};
    auto blockers = send_blockers(series, series.versions[1], gates);
    ASSERT_EQ(blockers.size(), 4u);
    EXPECT_EQ(blockers[0], "gate build-x86_64 is stale: patch 1 changed since 2026-05-01");
    EXPECT_EQ(blockers[1], "gate qemu is open: no evidence");
    EXPECT_EQ(blockers[2], "gate lint is failed");
    EXPECT_EQ(blockers[3], "review v1-1 by Nicolas Dufresne <nicolas.dufresne@collabora.com> on patch 2 is not "
                           "addressed: \"Publishing the fence from buf_queue breaks the dma_fence …\"");
    EXPECT_TRUE(send_blockers(series, series.versions[0], {gates[0]}).empty()) << "v1 has no previous version";
}

TEST(SendGate, AnOpenReviewOfThePreviousVersionAndATodoLineBlock) {
    Series series = series_with_open_review();
    auto blockers = send_blockers(series, series.versions[1], {});
    ASSERT_EQ(blockers.size(), 2u);
    EXPECT_EQ(blockers[0], "review v1-1 by Rey Viewer <rey@x.org> on patch 2 is not addressed: \"Take the lock later.\"");
    EXPECT_EQ(blockers[1], "changelog line of v2 still to write: \"TODO: say how v2 answers Rey Viewer (v1-1, patch 2)\"");

    address_review(series.versions[1], find_review_by_key(series, "v1-1"), "Lock taken after the look-ups");
    EXPECT_TRUE(send_blockers(series, series.versions[1], {}).empty());
}
