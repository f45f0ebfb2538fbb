#include <gtest/gtest.h>

#include "git/diff_parser.h"
#include "series/series_yaml.h"
#include "series/trailer_plan.h"
#include "support/source_paths.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::series;

namespace {

const std::filesystem::path source = test::source_dir();
const mail::Address submitter{"Markus Fritsche", "mfritsche@reauktion.de"};

std::vector<std::filesystem::path> shipped_files(const std::string& version) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(source / "kernel/vb2-release-fence" / version))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<patch::PatchFile> shipped_patches(const std::string& version) {
    std::vector<patch::PatchFile> patches;
    for (const auto& file : shipped_files(version))
        patches.push_back(git::read_patch(util::read_file(file), file.filename()));
    return patches;
}

Series series_with(std::vector<Review> reviews) {
    auto file = source / "series" / "vb2-release-fence.yaml";
    Series series = parse_series(util::read_file(file), file.string());
    series.versions[1].state = VersionState::sent;
    series.versions[1].sent = SentRecord{"2026-05-14", "c@x.org", "", {}};
    series.versions[1].reviews = std::move(reviews);
    Version v3;
    v3.number = 3;
    v3.patches = "kernel/vb2-release-fence/v3";
    series.versions.push_back(v3);
    return series;
}

Review review(const std::string& id, int patch, std::vector<std::string> trailers) {
    return {id, "", "Rey Viewer <rey@example.org>", "2026-05-15", patch, std::move(trailers), "", "", ""};
}

}  // namespace

TEST(TrailerPlan, GivenTrailersGoBeforeTheSubmittersSignOffAndNothingElseMoves) {
    auto file = shipped_files("v2")[0];
    std::string text = util::read_file(file);
    patch::PatchFile patch = git::read_patch(text, "0001.patch");
    std::string out = with_trailers(text, patch, {"Reviewed-by: Rey Viewer <rey@example.org>", "Acked-by: A <a@b.org>"},
                                    submitter);
    std::string sob = "Signed-off-by: Markus Fritsche <mfritsche@reauktion.de>\n";
    std::string expected = text;
    expected.insert(expected.find(sob), "Reviewed-by: Rey Viewer <rey@example.org>\nAcked-by: A <a@b.org>\n");
    EXPECT_EQ(out, expected);
    patch::PatchFile back = git::read_patch(out, "0001.patch");
    ASSERT_EQ(back.trailers.size(), 3u);
    EXPECT_EQ(back.trailers[0].key, "Reviewed-by");
    EXPECT_EQ(back.trailers[2].key, "Signed-off-by");
    EXPECT_EQ(back.patch_id(), patch.patch_id());
    EXPECT_EQ(back.notes, patch.notes);
}

TEST(TrailerPlan, WithoutTheSubmittersSignOffTheyGoAfterTheLastTrailer) {
    auto file = shipped_files("v2")[1];
    std::string text = util::read_file(file);
    patch::PatchFile patch = git::read_patch(text, "0002.patch");
    std::string out = with_trailers(text, patch, {"Tested-by: T <t@x.org>"}, mail::Address{"Other", "other@x.org"});
    std::string sob = "Signed-off-by: Markus Fritsche <mfritsche@reauktion.de>\n";
    std::string expected = text;
    expected.insert(expected.find(sob) + sob.size(), "Tested-by: T <t@x.org>\n");
    EXPECT_EQ(out, expected);
}

TEST(TrailerPlan, PlanPutsEachTrailerOnItsPatchOnceAndCoverTrailersOnEvery) {
    Series series = series_with({review("v2-1", 1, {"Reviewed-by: Rey Viewer <rey@example.org>"}),
                                 review("v2-2", 1, {"reviewed-by: Rey Viewer <REY@example.org>"}),  // the same again
                                 review("v2-3", 0, {"Acked-by: Sumit <sumit@x.org>"})});
    auto v2 = shipped_patches("v2");
    TrailerPlan plan = plan_trailers(series, series.versions[2], v2, {{"v2", v2}}, false);
    ASSERT_EQ(plan.add.size(), 3u);
    ASSERT_EQ(plan.add[0].size(), 2u);
    EXPECT_EQ(plan.add[0][0].trailer, "Reviewed-by: Rey Viewer <rey@example.org>");
    EXPECT_EQ(plan.add[0][1].trailer, "Acked-by: Sumit <sumit@x.org>");
    ASSERT_EQ(plan.add[1].size(), 1u);
    EXPECT_EQ(plan.add[1][0].review, "v2-3");
    ASSERT_EQ(plan.present.size(), 1u);
    EXPECT_EQ(plan.present[0].review, "v2-2");
    EXPECT_TRUE(plan.code_changed.empty());
}

TEST(TrailerPlan, ChangedCodeIsFlaggedNotCarriedUnlessForced) {
    Series series = series_with({review("v2-1", 3, {"Reviewed-by: Rey Viewer <rey@example.org>"}),
                                 review("v2-2", 2, {"Nacked-by: N <n@x.org>"})});
    auto v1 = shipped_patches("v1");
    auto v2 = shipped_patches("v2");
    // The draft's patch 3 is v1's: its code is not what was reviewed on v2.
    std::vector<patch::PatchFile> draft = {v2[0], v2[1], v1[2]};
    TrailerPlan plan = plan_trailers(series, series.versions[2], draft, {{"v2", v2}}, false);
    EXPECT_TRUE(plan.add[2].empty());
    ASSERT_EQ(plan.code_changed.size(), 1u);
    EXPECT_EQ(plan.code_changed[0].patch, 3);
    ASSERT_EQ(plan.objections.size(), 1u);
    EXPECT_TRUE(plan.add[1].empty());

    TrailerPlan forced = plan_trailers(series, series.versions[2], draft, {{"v2", v2}}, true);
    ASSERT_EQ(forced.add[2].size(), 1u);
    EXPECT_EQ(forced.code_changed.size(), 1u);
}

TEST(TrailerPlan, ATrailerForAPatchTheDraftDoesNotHaveIsAnError) {
    Series series = series_with({review("v2-1", 4, {"Reviewed-by: Rey Viewer <rey@example.org>"})});
    auto v2 = shipped_patches("v2");
    try {
        plan_trailers(series, series.versions[2], v2, {{"v2", v2}}, false);
        FAIL();
    } catch (const util::Error& e) {
        EXPECT_EQ(std::string(e.what()), "review v2-1 gives trailers on patch 4 of v2, and v3 has 3 patches");
    }
}
