#include <gtest/gtest.h>

#include "series/lifecycle.h"
#include "series/series_yaml.h"
#include "support/source_paths.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::series;

namespace {

const std::filesystem::path source = test::source_dir();

Series shipped() {
    auto file = source / "series" / "vb2-release-fence.yaml";
    return parse_series(util::read_file(file), file.string());
}

// The shipped series with v2 sent and two replies on it, as watch stores them.
Series with_v2_reviews() {
    Series series = shipped();
    Version& v2 = series.versions[1];
    v2.state = VersionState::sent;
    v2.sent = SentRecord{"2026-05-14", "20260514080641.1-1-mfritsche@reauktion.de", "", {}};
    v2.reviews.push_back({"v2-1", "r1@amd.com", "Christian König <christian.koenig@amd.com>", "2026-05-15", 1,
                          {"Reviewed-by: Christian König <christian.koenig@amd.com>"}, "Looks good.", "", ""});
    v2.reviews.push_back({"v2-2", "r2@collabora.com", "Nicolas Dufresne <nicolas.dufresne@collabora.com>",
                          "2026-05-16", 3, {}, "Take ctrl_lock around the job start.", "", ""});
    return series;
}

}  // namespace

TEST(LifecycleRules, PatchPrefixFollowsFormatPatch) {
    EXPECT_EQ(patch_prefix("PATCH RFC", 3, 1, 3), "PATCH RFC v3 1/3");
    EXPECT_EQ(patch_prefix("PATCH", 2, 7, 12), "PATCH v2 07/12");
    EXPECT_EQ(patch_prefix("PATCH", 1, 1, 3), "PATCH 1/3");
    EXPECT_EQ(patch_prefix("PATCH", 4, 1, 1), "PATCH v4");
}

TEST(LifecycleRules, SubjectPrefixIsRewrittenAndNothingElse) {
    auto file = source / "kernel/vb2-release-fence/v2/0001-media-videobuf2-add-dma_resv-release-fence-helper.patch";
    std::string text = util::read_file(file);
    std::string rewritten = with_subject_prefix(text, "PATCH RFC v3 1/3", "0001.patch");
    std::string expected = text;
    expected.replace(expected.find("[PATCH RFC v2 1/3]"), 18, "[PATCH RFC v3 1/3]");
    EXPECT_EQ(rewritten, expected);
    // A "[...]" in the body is not the subject.
    EXPECT_THROW(with_subject_prefix("From: a@b\nSubject: no brackets\n\n[PATCH] x\n", "PATCH v2", "x.patch"),
                 util::Error);
}

TEST(LifecycleRules, AlreadyADraftRefusesToCutAnother) {
    Series series = shipped();  // v2 is a draft
    try {
        version_to_cut_from(series, "");
        FAIL() << "cut a second draft";
    } catch (const util::Error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "series vb2-release-fence has a draft already (v2): finish or send it before cutting another version");
    }
    Series sent = with_v2_reviews();
    EXPECT_EQ(version_to_cut_from(sent, "").name(), "v2");
    EXPECT_EQ(version_to_cut_from(sent, "v1").name(), "v1");
    EXPECT_THROW(version_to_cut_from(sent, "v7"), util::Error);
}

TEST(LifecycleRules, NextVersionIsADraftWithASkeletonPerOpenReview) {
    Series series = with_v2_reviews();
    series.versions[1].reviews[0].addressed_in = "v3";  // one answered already: no line for it
    series.versions[1].reviews.push_back(
        {"v2-3", "", "Hans Verkuil <hverkuil@xs4all.nl>", "2026-05-16", 0, {}, "Why not the request API?", "", ""});
    Version v3 = next_version(series, series.versions[1], "kernel/vb2-release-fence/v3");
    EXPECT_EQ(v3.name(), "v3");
    EXPECT_EQ(v3.state, VersionState::draft);
    EXPECT_EQ(v3.patches, "kernel/vb2-release-fence/v3");
    EXPECT_EQ(v3.base.commit, series.versions[1].base.commit);
    EXPECT_EQ(v3.cover.body, series.versions[1].cover.body);
    EXPECT_TRUE(v3.gates.empty());
    EXPECT_TRUE(v3.reviews.empty());
    EXPECT_TRUE(v3.cc.empty());
    EXPECT_FALSE(v3.sent);
    ASSERT_EQ(v3.changelog.size(), 2u);
    EXPECT_EQ(v3.changelog[0].patch, 3);
    EXPECT_EQ(v3.changelog[0].answers, "v2-2");
    EXPECT_EQ(v3.changelog[0].text, "TODO: say how v3 answers Nicolas Dufresne (v2-2, patch 3)");
    EXPECT_TRUE(is_todo(v3.changelog[0]));
    EXPECT_EQ(v3.changelog[1].patch, 0);
    EXPECT_EQ(v3.changelog[1].text, "TODO: say how v3 answers Hans Verkuil (v2-3, cover)");

    // The new version is valid YAML that reads back.
    series.versions.push_back(v3);
    Series back = parse_series(render_series(series), "x.yaml");
    EXPECT_EQ(back.versions[2].changelog[1].answers, "v2-3");
}

TEST(LifecycleRules, UnaddressedReviewsOfThePreviousVersion) {
    Series series = with_v2_reviews();
    auto open = unaddressed_reviews(series, series.versions[1]);
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0]->id, "v2-1");
    EXPECT_TRUE(unaddressed_reviews(series, series.versions[0]).empty());  // v1's are addressed in v2
}

TEST(LifecycleRules, AddressingFillsTheTodoLineOrAddsALine) {
    Series series = with_v2_reviews();
    series.versions.push_back(next_version(series, series.versions[1], "kernel/vb2-release-fence/v3"));
    Version& v3 = draft_version(series);
    ASSERT_EQ(v3.changelog.size(), 2u);

    address_review(v3, find_review_by_key(series, "<r2@collabora.com>"), "Start the job under ctrl_lock");
    const Review& nicolas = series.versions[1].reviews[1];
    EXPECT_EQ(nicolas.addressed_in, "v3");
    EXPECT_EQ(nicolas.note, "Start the job under ctrl_lock");
    EXPECT_EQ(v3.changelog[1].text, "Start the job under ctrl_lock");
    EXPECT_EQ(v3.changelog[1].answers, "v2-2");

    // A line written by hand for a review stays as written.
    v3.changelog[0].text = "Carry Christian's Reviewed-by";
    address_review(v3, find_review_by_key(series, "v2-1"), "trailer carried");
    EXPECT_EQ(v3.changelog[0].text, "Carry Christian's Reviewed-by");

    // A review no line answers gets one.
    v3.changelog.clear();
    address_review(v3, find_review_by_key(series, "v2-1"), "trailer carried");
    ASSERT_EQ(v3.changelog.size(), 1u);
    EXPECT_EQ(v3.changelog[0].patch, 1);
    EXPECT_EQ(v3.changelog[0].answers, "v2-1");
}

TEST(LifecycleRules, UnknownReviewAndEmptyNoteAreErrors) {
    Series series = with_v2_reviews();
    series.versions.push_back(next_version(series, series.versions[1], "kernel/vb2-release-fence/v3"));
    try {
        find_review_by_key(series, "v2-9");
        FAIL();
    } catch (const util::Error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "series vb2-release-fence has no review with the id or message-id 'v2-9' (see `seriesctl reviews`)");
    }
    Version& v3 = draft_version(series);
    EXPECT_THROW(address_review(v3, find_review_by_key(series, "v2-1"), ""), util::Error);
    EXPECT_TRUE(series.versions[1].reviews[0].addressed_in.empty());
}

TEST(LifecycleRules, NoDraftToAddressIn) {
    Series series = with_v2_reviews();
    EXPECT_THROW(draft_version(series), util::Error);
}
