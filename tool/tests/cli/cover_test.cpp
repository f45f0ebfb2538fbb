#include <gtest/gtest.h>

#include "repo/series_file.h"
#include "support/git_fixture.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;

namespace {

proc::ProcessResult cover_with_editor(const std::filesystem::path& root, const std::filesystem::path& home,
                                const std::string& editor) {
    proc::Command command = test::seriesctl_command({"cover", "--v2", "--edit"}, root, home);
    command.env.push_back({"EDITOR", editor});
    command.env.push_back({"VISUAL", ""});
    return run_command(command);
}

}  // namespace

TEST(CoverCli, PrintsTheV2CoverWithItsChangesAndNoClaimsWithoutEvidence) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    proc::ProcessResult cover = test::run_seriesctl({"cover", "--v2"}, root, dir.path());
    ASSERT_EQ(cover.exit_code, 0) << cover.err;
    EXPECT_TRUE(cover.out.starts_with("Subject: [PATCH RFC v2 0/3] media: videobuf2: opt-in dma_resv producer "
                                      "fences for V4L2 dmabuf exports\n\nvideobuf2 publishes no fence"))
        << cover.out;
    EXPECT_NE(cover.out.find("\nChanges in v2:\n"), std::string::npos);
    EXPECT_NE(cover.out.find("- Link to v1: https://lore.kernel.org/linux-media/"
                             "20260429195306.239666-1-mfritsche@reauktion.de/\n"),
              std::string::npos)
        << cover.out;
    EXPECT_EQ(cover.out.find("Validation"), std::string::npos) << "no gate has evidence";
}

TEST(CoverCli, EditWritesTheFreeTextBack) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    proc::ProcessResult edited = cover_with_editor(
        root, dir.path(), "sed -i -e 's/^subject: .*/subject: \"media: vb2: release fences, reworded\"/'");
    ASSERT_EQ(edited.exit_code, 0) << edited.err;
    EXPECT_NE(edited.out.find("Subject: [PATCH RFC v2 0/3] media: vb2: release fences, reworded\n"),
              std::string::npos)
        << edited.out;
    series::Series series = repo::load_series_file(root / "series" / "vb2-release-fence.yaml");
    EXPECT_EQ(series.version("v2").cover.subject, "media: vb2: release fences, reworded");
    EXPECT_EQ(series.version("v2").cover.questions.size(), 4u) << "what was not edited stays";
    EXPECT_EQ(series.version("v1").cover.subject,
              "media: videobuf2: opt-in dma_resv producer fences for V4L2 dmabuf exports");
}

TEST(CoverCli, ABadEditIsOneLineAndLeavesTheFileAlone) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    auto file = root / "series" / "vb2-release-fence.yaml";
    std::string before = util::read_file(file);
    for (const std::string editor : {"sed -i -e 's/^subject:/subjekt:/'", "sed -i -e 's/^subject: .*/subject: \"\"/'",
                                     "sed -i -e 's/^questions:/questions: [unclosed/'", "false"}) {
        proc::ProcessResult edited = cover_with_editor(root, dir.path(), editor);
        EXPECT_EQ(edited.exit_code, 2) << editor << "\n" << edited.out;
        EXPECT_EQ(std::count(edited.err.begin(), edited.err.end(), '\n'), 1) << edited.err;
        EXPECT_EQ(util::read_file(file), before) << editor;
    }
}
