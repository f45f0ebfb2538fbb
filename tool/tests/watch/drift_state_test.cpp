#include "watch/drift_state.h"

#include <gtest/gtest.h>

using namespace seriesctl;
using namespace seriesctl::watch;

namespace {

patch::HunkReport hunk(const std::string& header, patch::Outcome outcome, int offset = 0) {
    patch::HunkReport report;
    report.header = header;
    report.outcome = outcome;
    report.offset = offset;
    return report;
}

// Two patches: the first goes on with an offset, the second conflicts in
// its second hunk.
patch::TreeReport drifted() {
    patch::TreeReport report;
    report.tree = "media-next";
    patch::PatchReport helper{1, "media: videobuf2: add a release-fence helper", {}};
    helper.files.push_back({"drivers/media/common/videobuf2/videobuf2-core.c", patch::Outcome::offset, "",
                            {hunk("@@ -18,6 +18,12 @@ void vb2_buffer_done", patch::Outcome::offset, 4)}});
    patch::PatchReport rga{2, "media: rockchip: rga: publish release fences", {}};
    rga.files.push_back({"drivers/media/platform/rockchip/rga/rga.c", patch::Outcome::conflict, "",
                         {hunk("@@ -10,6 +10,7 @@ #include", patch::Outcome::clean),
                          hunk("@@ -38,15 +38,21 @@ static void device_run(void *prv)", patch::Outcome::conflict)}});
    report.patches = {helper, rga};
    return report;
}

TargetCheck check(const std::string& version, Standing standing) {
    return {"vb2-release-fences", "media-next", version, "0123456789abcdef", "fedcba9876543210", standing, 1764979200};
}

}  // namespace

TEST(DriftState, StandingIsTheWorstPatchs) {
    patch::TreeReport report = drifted();
    EXPECT_EQ(standing_of(report), Standing::conflict);
    report.patches.pop_back();
    EXPECT_EQ(standing_of(report), Standing::moved);
    report.patches[0].files[0].outcome = patch::Outcome::clean;
    report.patches[0].files[0].hunks[0].outcome = patch::Outcome::clean;
    EXPECT_EQ(standing_of(report), Standing::clean);
}

TEST(DriftState, TheSpotIsTheFirstHunkAtTheStanding) {
    DriftSpot conflict = spot_of(drifted(), Standing::conflict);
    EXPECT_EQ(conflict.patch, 2);
    EXPECT_EQ(conflict.patches, 2);
    EXPECT_EQ(conflict.file, "drivers/media/platform/rockchip/rga/rga.c");
    EXPECT_EQ(conflict.hunk, "@@ -38,15 +38,21 @@ static void device_run(void *prv)");
    EXPECT_EQ(conflict.outcome, "conflict");

    DriftSpot moved = spot_of(drifted(), Standing::moved);
    EXPECT_EQ(moved.patch, 1);
    EXPECT_EQ(moved.outcome, "offset 4");
}

TEST(DriftState, AWholeFileProblemIsTheSpotsOutcome) {
    patch::TreeReport report;
    patch::PatchReport gone{1, "media: hantro: opt in", {}};
    gone.files.push_back({"drivers/media/platform/verisilicon/hantro_drv.c", patch::Outcome::conflict,
                          "does not exist in the tree", {}});
    report.patches = {gone};
    DriftSpot spot = spot_of(report, Standing::conflict);
    EXPECT_EQ(spot.hunk, "");
    EXPECT_EQ(spot.outcome, "does not exist in the tree");
}

TEST(DriftState, NewsIsAChangeOfStandingOrAFirstCheckThatIsNotClean) {
    TargetCheck clean = check("v2", Standing::clean), moved = check("v2", Standing::moved);
    EXPECT_FALSE(is_news(nullptr, clean)) << "a clean baseline";
    EXPECT_TRUE(is_news(nullptr, moved)) << "a lost cache still says what does not apply";
    EXPECT_TRUE(is_news(&clean, moved));
    EXPECT_FALSE(is_news(&moved, moved)) << "said once";
    EXPECT_TRUE(is_news(&moved, clean)) << "clean again";
    TargetCheck v3 = check("v3", Standing::clean);
    EXPECT_FALSE(is_news(&moved, v3)) << "a new version that applies is not drift";
    v3.standing = Standing::conflict;
    EXPECT_TRUE(is_news(&moved, v3));
}

TEST(DriftState, RoundTripsAndRefusesWhatItDidNotWrite) {
    DriftState state;
    state.put(check("v2", Standing::clean));
    state.put(check("v2", Standing::conflict));  // the same series and tree: replaced
    TargetCheck other = check("v2", Standing::moved);
    other.tree = "linux-next";
    state.put(other);
    ASSERT_EQ(state.checks.size(), 2u);

    std::optional<DriftState> back = DriftState::from_json(state.to_json());
    ASSERT_TRUE(back);
    const TargetCheck* media = back->find("vb2-release-fences", "media-next");
    ASSERT_NE(media, nullptr);
    EXPECT_EQ(media->standing, Standing::conflict);
    EXPECT_EQ(media->checked, 1764979200);
    EXPECT_EQ(media->patches, "fedcba9876543210");
    EXPECT_EQ(back->find("vb2-release-fences", "mainline"), nullptr);

    nlohmann::json torn = state.to_json();
    torn["checks"][1]["standing"] = "sideways";
    EXPECT_FALSE(DriftState::from_json(torn));
    torn = state.to_json();
    torn["checks"][0].erase("commit");
    EXPECT_FALSE(DriftState::from_json(torn));
    EXPECT_FALSE(DriftState::from_json(nlohmann::json::parse(R"({"drift": 2, "checks": []})")));
    EXPECT_FALSE(DriftState::from_json(nlohmann::json::parse("[]")));
}
