#include <gtest/gtest.h>

#include "git/diff_parser.h"
#include "lifecycle/range_diff.h"
#include "support/source_paths.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::lifecycle;

namespace {

const std::filesystem::path source = test::source_dir();

std::vector<patch::PatchFile> shipped_patches(const std::string& version) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(source / "kernel/vb2-release-fence" / version))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<patch::PatchFile> patches;
    for (const auto& file : files) patches.push_back(git::read_patch(util::read_file(file), file.filename()));
    return patches;
}

// A small format-patch mail: `lines` are the added lines of one new file.
patch::PatchFile small_patch(const std::string& summary, const std::string& file, const std::vector<std::string>& lines,
                const std::string& message = "Why.") {
    std::string text = "From: Ada <ada@example.org>\nDate: Thu, 14 May 2026 10:06:41 +0200\nSubject: [PATCH] " +
                       summary + "\n\n" + message + "\n\nSigned-off-by: Ada <ada@example.org>\n---\n" +
                       "diff --git a/" + file + " b/" + file + "\nnew file mode 100644\n--- /dev/null\n+++ b/" + file +
                       "\n@@ -0,0 +1," + std::to_string(lines.size()) + " @@\n";
    for (const auto& line : lines) text += "+" + line + "\n";
    return git::read_patch(text + "-- \n2.39.5\n", summary);
}

std::vector<std::string> numbered(const std::string& stem, int count) {
    std::vector<std::string> lines;
    for (int i = 0; i < count; ++i) lines.push_back(stem + " " + std::to_string(i));
    return lines;
}

}  // namespace

TEST(RangeDiff, ClassifiesByPatchIdAndMessage) {
    patch::PatchFile a = small_patch("demo: a", "a.c", numbered("a", 4));
    patch::PatchFile reworded = small_patch("demo: a", "a.c", numbered("a", 4), "Why, better said.");
    auto lines = numbered("a", 4);
    lines[2] = "a changed";
    patch::PatchFile recoded = small_patch("demo: a", "a.c", lines);
    EXPECT_EQ(classify_pair(a, a), PatchChange::unchanged);
    EXPECT_EQ(classify_pair(a, reworded), PatchChange::message_only);
    EXPECT_EQ(classify_pair(a, recoded), PatchChange::code_changed);
}

TEST(RangeDiff, PairsByPatchIdThenSubjectThenSimilarity) {
    patch::PatchFile one = small_patch("demo: one", "one.c", numbered("one", 10));
    patch::PatchFile two = small_patch("demo: two", "two.c", numbered("two", 10));
    patch::PatchFile three = small_patch("demo: three", "three.c", numbered("three", 10));
    patch::PatchFile gone = small_patch("demo: gone", "gone.c", numbered("gone", 10));
    // New version: "two" renamed (same code), "one" recoded under its own
    // subject, "three" retitled with most of its code, a new patch, "gone" dropped.
    patch::PatchFile two_renamed = small_patch("demo: two, retitled", "two.c", numbered("two", 10));
    auto one_lines = numbered("one", 10);
    one_lines[0] = "completely different";
    patch::PatchFile one_recoded = small_patch("demo: one", "one.c", one_lines);
    auto three_lines = numbered("three", 10);
    three_lines[9] = "three, last line changed";
    patch::PatchFile three_retitled = small_patch("demo: the third", "three.c", three_lines);
    patch::PatchFile fresh = small_patch("demo: fresh", "fresh.c", numbered("fresh", 10));

    auto rows = pair_patches({one, two, gone, three}, {two_renamed, one_recoded, fresh, three_retitled});
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].old_number, 2);
    EXPECT_EQ(rows[0].new_number, 1);
    EXPECT_EQ(rows[0].change, PatchChange::message_only);
    EXPECT_EQ(rows[1].old_number, 1);
    EXPECT_EQ(rows[1].change, PatchChange::code_changed);
    // "gone" (old 3) follows the last row of an old patch before it (old 1).
    EXPECT_EQ(rows[2].old_number, 3);
    EXPECT_EQ(rows[2].new_number, 0);
    EXPECT_EQ(rows[2].change, PatchChange::dropped);
    EXPECT_EQ(rows[3].new_number, 3);
    EXPECT_EQ(rows[3].change, PatchChange::added);
    EXPECT_EQ(rows[4].old_number, 4);
    EXPECT_EQ(rows[4].new_number, 4);
    EXPECT_EQ(rows[4].change, PatchChange::code_changed);
}

TEST(RangeDiff, DissimilarPatchesStayApart) {
    patch::PatchFile a = small_patch("demo: a", "a.c", numbered("a", 10));
    patch::PatchFile b = small_patch("demo: b", "b.c", numbered("b", 10));
    auto rows = pair_patches({a}, {b});
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].change, PatchChange::dropped);  // no old patch before it: first
    EXPECT_EQ(rows[1].change, PatchChange::added);
    EXPECT_DOUBLE_EQ(similarity(a, a), 1.0);
    EXPECT_DOUBLE_EQ(similarity(a, b), 0.0);
}

TEST(RangeDiff, ShippedV1AndV2PairPatchByPatchWithChangedCode) {
    auto rows = pair_patches(shipped_patches("v1"), shipped_patches("v2"));
    ASSERT_EQ(rows.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(rows[i].old_number, i + 1);
        EXPECT_EQ(rows[i].new_number, i + 1);
        EXPECT_EQ(rows[i].change, PatchChange::code_changed);
    }
}

TEST(RangeDiff, BodyOfGitRangeDiffOutput) {
    // Captured from git 2.39 `git range-diff --no-color` of one commit pair.
    std::string output = "1:  3d832ad ! 1:  1974c85 two: add y\n"
                         "    @@ Commit message\n"
                         "     \n"
                         "      ## h (new) ##\n"
                         "     @@\n"
                         "    -+z\n"
                         "    ++z2\n";
    EXPECT_EQ(range_diff_body(output), "@@ Commit message\n \n  ## h (new) ##\n @@\n-+z\n++z2\n");
}
