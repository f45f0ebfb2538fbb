#include <gtest/gtest.h>

#include "check/series_lint.h"
#include "git/diff_parser.h"
#include "git/handle.h"
#include "support/git_fixture.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::check;

namespace {

git::Library libgit2;

// Real format-patch output of a two-patch series; `messages` are the commit
// messages, `extra` format-patch options.
std::vector<patch::PatchFile> series_of(const std::vector<std::string>& messages,
                                        const std::vector<std::string>& extra = {},
                                        const std::string& author = "Ada Tester <ada@example.org>") {
    test::TempDir dir;
    test::GitRepo repo(dir / "repo");
    repo.write("drivers/media/common/videobuf2/videobuf2-core.c", "int a;\n");
    repo.commit("base");
    for (size_t i = 0; i < messages.size(); ++i) {
        repo.write("drivers/media/common/videobuf2/videobuf2-core.c", "int a;\nint b" + std::to_string(i) + ";\n");
        repo.git({"add", "-A"});
        repo.git({"commit", "-q", "--author=" + author, "-m", messages[i]});
    }
    std::vector<patch::PatchFile> patches;
    for (const auto& file : repo.format_patch("HEAD~" + std::to_string(messages.size()), dir / "out", extra))
        patches.push_back(git::read_patch(util::read_file(file), file.filename().string()));
    return patches;
}

std::vector<std::string> types_of(const std::vector<Finding>& findings) {
    std::vector<std::string> types;
    for (const auto& f : findings) types.push_back(std::to_string(f.patch) + ":" + f.type);
    return types;
}

struct Context {
    series::Series series;
    series::Version version;
    LintContext lint;
    Context() {
        series.from = "Ada Tester <ada@example.org>";
        version.number = 1;
        version.cover.body = std::string("This paragraph belongs in the cover letter only, it explains the whole "
                                         "series and its motivation at length.");
        lint.series = &series;
        lint.version = &version;
        std::map<std::string, std::string> map = {{"drivers/media/common/videobuf2/", "media: videobuf2:"}};
        lint.prefixes_for = [map](const std::string& path) { return prefixes_from_map(map, path); };
    }
};

const std::string signed_off = "\n\nSigned-off-by: Ada Tester <ada@example.org>";

}  // namespace

TEST(SeriesLint, ACleanSeriesHasNoFindings) {
    Context c;
    auto patches = series_of({"media: videobuf2: one" + signed_off, "media: videobuf2: two" + signed_off});
    EXPECT_TRUE(lint_series(patches, c.lint).empty()) << ::testing::PrintToString(types_of(lint_series(patches, c.lint)));
}

TEST(SeriesLint, EveryRuleFires) {
    Context c;
    c.version.number = 2;
    c.lint.base_problem = "base commit 0123 is not in the tree store";
    auto patches = series_of({"videobuf2: wrong prefix\n\n" + c.version.cover.body + signed_off,
                              "media: videobuf2: two\n\nChange-Id: I0123456789abcdef\nSigned-off-by: Bob <bob@example.org>"});
    auto findings = lint_series(patches, c.lint);
    EXPECT_EQ(types_of(findings),
              (std::vector<std::string>{"1:subject-prefix", "1:cover-leak", "1:changelog", "2:author-sign-off",
                                        "2:author-sign-off", "2:changelog", "2:private-trailer", "0:base-commit"}));
    EXPECT_EQ(findings[0].message,
              "subject 'videobuf2: wrong prefix' does not start with 'media: videobuf2:', the prefix the subsystem "
              "uses for these files");
    EXPECT_EQ(findings[3].message, "no Signed-off-by from the author Ada Tester <ada@example.org>");
}

TEST(SeriesLint, NumberingMustCountOneToN) {
    Context c;
    auto patches = series_of({"media: videobuf2: one" + signed_off, "media: videobuf2: two" + signed_off});
    patches[1].number = 3;
    auto findings = lint_series(patches, c.lint);
    ASSERT_EQ(types_of(findings), (std::vector<std::string>{"2:numbering"}));
    EXPECT_NE(findings[0].message.find("subject says 3/2, expected 2/2"), std::string::npos);
}

TEST(SeriesLint, ChangelogBelowTheSeparatorSatisfiesV2) {
    Context c;
    c.version.number = 2;
    auto patches = series_of({"media: videobuf2: one" + signed_off});
    patches[0].notes = "Changes in v2:\n- x";
    patches[0].number = 0;
    EXPECT_TRUE(lint_series(patches, c.lint).empty());
}

TEST(SeriesLint, PrefixesFromHistoryAreTheLeadingWordColonRun) {
    EXPECT_EQ(prefixes_from_subjects({"media: videobuf2: fix x: y", "media: videobuf2: add z", "media: vivid: w",
                                      "Revert \"media: x\""}),
              (std::vector<std::string>{"media: videobuf2:", "media: vivid:"}));
    std::map<std::string, std::string> map = {{"drivers/media/", "media:"},
                                              {"drivers/media/platform/rockchip/rga/", "media: rockchip: rga:"}};
    EXPECT_EQ(prefixes_from_map(map, "drivers/media/platform/rockchip/rga/rga.c"),
              (std::vector<std::string>{"media: rockchip: rga:"}));
    EXPECT_EQ(prefixes_from_map(map, "drivers/media/usb/uvc/uvc.c"), (std::vector<std::string>{"media:"}));
    EXPECT_TRUE(prefixes_from_map(map, "fs/ext4/inode.c").empty());
}
