#include <gtest/gtest.h>

#include "repo/series_content.h"
#include "repo/series_file.h"
#include "series/cover_letter.h"
#include "support/source_paths.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::series;

namespace {

struct Shipped {
    repo::Project project{test::source_dir()};
    Series series = repo::load_series_file(project.series_file("vb2-release-fence"));
    std::vector<patch::PatchFile> patches = repo::load_version_patches(project, series.version("v2"));
    std::string cover_template = util::read_file(project.root() / "templates" / "cover.mustache");

    std::string render(const CoverFacts& facts) const {
        return render_cover(cover_template, "cover.mustache", series, series.version("v2"), patches, facts);
    }
};

Evidence passed(const std::string& date) {
    Evidence evidence;
    evidence.verdict = Verdict::passed;
    evidence.date = date;
    evidence.tree = "debian-6.12";
    evidence.commit = "87d8c00352e59d231ca2b771f00d2330edec379f";
    evidence.figures = {{"errors", "0"}, {"warnings", "0"}};
    return evidence;
}

}  // namespace

TEST(CoverLetter, ValidationComesOnlyFromPassedCurrentEarnedEvidence) {
    Shipped shipped;
    Evidence checkpatch = passed("2026-05-01T10:00:00Z");
    Evidence build = passed("2026-05-02T10:00:00Z");
    Evidence lint = passed("2026-05-03T10:00:00Z");
    lint.forced = "no time";
    Evidence qemu = passed("2026-05-04T10:00:00Z");
    qemu.verdict = Verdict::failed;
    CoverFacts facts;
    facts.gates = {{"checkpatch", GateState::passed, "", &checkpatch},
                   {"build-x86_64", GateState::stale, "patch 1 changed since 2026-05-02", &build},
                   {"lint", GateState::passed, "", &lint},
                   {"qemu", GateState::failed, "", &qemu},
                   {"build-arm64", GateState::open, "no evidence", nullptr}};
    std::string cover = shipped.render(facts);
    EXPECT_NE(cover.find("\n- checkpatch: passed on debian-6.12 (87d8c00352e5), 2026-05-01:\n  errors 0, warnings 0\n"),
              std::string::npos)
        << cover;
    for (const char* absent : {"build-x86_64", "lint:", "qemu", "build-arm64", "2026-05-02", "2026-05-03"})
        EXPECT_EQ(cover.find(absent), std::string::npos) << absent << " must not be claimed:\n" << cover;

    facts.gates = {{"build-x86_64", GateState::stale, "patch 1 changed", &build}};
    EXPECT_EQ(shipped.render(facts).find("Validation"), std::string::npos) << "no evidence, no validation section";
}

TEST(CoverLetter, ChangesNameTheReviewTheyAnswerAndLinkThePreviousVersion) {
    Shipped shipped;
    CoverFacts facts;
    facts.previous_link = "https://lore.kernel.org/linux-media/20260429195306.239666-1-mfritsche@reauktion.de/";
    facts.base.based_on = "v6.12.117";
    std::string cover = shipped.render(facts);
    EXPECT_TRUE(cover.starts_with(shipped.series.version("v2").cover.body + "\n")) << cover;
    EXPECT_NE(cover.find("\nQuestions for reviewers:\n1. Export tracking:"), std::string::npos) << cover;
    EXPECT_NE(cover.find("\nChanges in v2:\n- 1/3 " + shipped.patches[0].summary + "\n  - Add "), std::string::npos)
        << cover;
    EXPECT_NE(cover.find("(Nicolas Dufresne, v1 review)"), std::string::npos);
    EXPECT_NE(cover.find("(Christian König, v1 review)"), std::string::npos);
    EXPECT_NE(cover.find("- Link to v1: " + facts.previous_link + "\n"), std::string::npos) << cover;
    EXPECT_NE(cover.find("\nBased on v6.12.117.\n"), std::string::npos);
    EXPECT_EQ(cover.find("base-commit:"), std::string::npos) << "a local import commit is never mailed";
    EXPECT_NE(cover.find("\nMarkus Fritsche (3):\n"), std::string::npos);
    EXPECT_NE(cover.find(" 5 files changed, 329 insertions(+), 11 deletions(-)\n---\n"
                         "change-id: 20260428-vb2-release-fence-4fcbcddcd1d2\n"),
              std::string::npos)
        << cover;
    for (const auto& line : {"\n\n\n"}) EXPECT_EQ(cover.find(line), std::string::npos) << "no double blank lines";
}

TEST(CoverLetter, ASeriesTreeBaseDeclaresItsPrerequisites) {
    Shipped shipped;
    CoverFacts facts;
    facts.base.base_commit = std::string(40, 'c');
    facts.base.prerequisite_patch_ids = {std::string(40, 'd'), std::string(40, 'e')};
    std::string cover = shipped.render(facts);
    EXPECT_NE(cover.find("\nbase-commit: " + std::string(40, 'c') + "\nprerequisite-patch-id: " +
                         std::string(40, 'd') + "\nprerequisite-patch-id: " + std::string(40, 'e') +
                         "\nchange-id: "),
              std::string::npos)
        << cover;
    EXPECT_EQ(cover.find("Based on"), std::string::npos);
}

TEST(CoverLetter, WrapsAt72Columns) {
    EXPECT_EQ(wrap_text("one two three four", "- ", "  ", 10), "- one two\n  three\n  four");
}
