#include <gtest/gtest.h>

#include "git/diff_parser.h"
#include "patch/file_apply.h"

using namespace seriesctl;
using namespace seriesctl::patch;

namespace {

// Twenty numbered lines: "line 1" … "line 20".
TextFile numbered(int count = 20) {
    TextFile file;
    for (int i = 1; i <= count; ++i) file.lines.push_back("line " + std::to_string(i));
    return file;
}

// One hunk replacing line 10 of numbered() by "ten", with three lines of context.
const char* replace_ten = R"(diff --git a/f.c b/f.c
index 1111111..2222222 100644
--- a/f.c
+++ b/f.c
@@ -7,7 +7,7 @@ int f(void)
 line 7
 line 8
 line 9
-line 10
+ten
 line 11
 line 12
 line 13
)";

std::vector<Hunk> hunks_of(const std::string& diff) { return git::parse_diff(diff, "test.patch").front().hunks; }

}  // namespace

TEST(FileApply, AppliesWhereTheHeaderSays) {
    auto result = apply_hunks(numbered(), hunks_of(replace_ten));
    ASSERT_EQ(result.hunks.size(), 1u);
    EXPECT_EQ(result.hunks[0].outcome, Outcome::clean);
    EXPECT_EQ(result.hunks[0].line, 7);
    EXPECT_EQ(result.text.lines[9], "ten");
    EXPECT_EQ(result.text.lines.size(), 20u);
}

TEST(FileApply, FindsMovedContextAndReportsTheOffset) {
    TextFile target = numbered();
    target.lines.insert(target.lines.begin(), {"new 1", "new 2", "new 3", "new 4"});
    auto result = apply_hunks(target, hunks_of(replace_ten));
    EXPECT_EQ(result.hunks[0].outcome, Outcome::offset);
    EXPECT_EQ(result.hunks[0].offset, 4);
    EXPECT_EQ(result.hunks[0].line, 11);
    EXPECT_EQ(result.text.lines[13], "ten");
}

TEST(FileApply, SearchesBackwardsToo) {
    TextFile target = numbered();
    target.lines.erase(target.lines.begin(), target.lines.begin() + 2);
    auto result = apply_hunks(target, hunks_of(replace_ten));
    EXPECT_EQ(result.hunks[0].outcome, Outcome::offset);
    EXPECT_EQ(result.hunks[0].offset, -2);
}

TEST(FileApply, LeavesAChangedOuterContextLineUncheckedAsFuzz) {
    TextFile target = numbered();
    target.lines[6] = "line 7 changed";  // the first context line
    auto result = apply_hunks(target, hunks_of(replace_ten));
    EXPECT_EQ(result.hunks[0].outcome, Outcome::fuzz);
    EXPECT_EQ(result.hunks[0].fuzz, 1);
    EXPECT_EQ(result.hunks[0].offset, 0);
    EXPECT_EQ(result.text.lines[6], "line 7 changed") << "fuzz keeps the tree's line";
    EXPECT_EQ(result.text.lines[9], "ten");
}

TEST(FileApply, NeverFuzzesAwayTheLineNextToTheChange) {
    TextFile target = numbered();
    target.lines[8] = "line 9 changed";  // the innermost context line
    auto result = apply_hunks(target, hunks_of(replace_ten));
    ASSERT_EQ(result.hunks[0].outcome, Outcome::conflict);
    EXPECT_EQ(result.hunks[0].line, 7) << "the best match is still where the header says";
    ASSERT_EQ(result.hunks[0].mismatches.size(), 1u);
    EXPECT_EQ(result.hunks[0].mismatches[0].line, 9);
    EXPECT_EQ(result.hunks[0].mismatches[0].expected, "line 9");
    EXPECT_EQ(result.hunks[0].mismatches[0].found, "line 9 changed");
    EXPECT_EQ(result.text.lines, target.lines) << "a conflicting hunk is left out";
}

TEST(FileApply, CarriesAnOffsetToTheNextHunk) {
    const char* two = R"(diff --git a/f.c b/f.c
--- a/f.c
+++ b/f.c
@@ -2,3 +2,3 @@
 line 2
-line 3
+three
 line 4
@@ -17,3 +17,3 @@
 line 17
-line 18
+eighteen
 line 19
)";
    TextFile target = numbered();
    target.lines.insert(target.lines.begin(), "new");
    auto result = apply_hunks(target, hunks_of(two));
    EXPECT_EQ(result.hunks[0].offset, 1);
    EXPECT_EQ(result.hunks[1].offset, 1);
    EXPECT_EQ(result.text.lines[3], "three");
    EXPECT_EQ(result.text.lines[18], "eighteen");
}

TEST(FileApply, PinsAHunkWithShortLeadingContextToTheStart) {
    const char* at_start = R"(diff --git a/f.c b/f.c
--- a/f.c
+++ b/f.c
@@ -1,3 +1,4 @@
+first
 line 1
 line 2
 line 3
)";
    TextFile target = numbered();
    target.lines.insert(target.lines.begin(), "header");
    auto result = apply_hunks(target, hunks_of(at_start));
    EXPECT_EQ(result.hunks[0].outcome, Outcome::conflict) << "diff wrote no leading context: the file's start moved";
}

TEST(FileApply, CreatesAFileAndKeepsAMissingFinalNewline) {
    const char* create = "diff --git a/n.c b/n.c\nnew file mode 100644\nindex 0000000..3333333\n--- /dev/null\n+++ "
                         "b/n.c\n@@ -0,0 +1,2 @@\n+one\n+two\n\\ No newline at end of file\n";
    auto result = apply_hunks(TextFile{}, hunks_of(create));
    EXPECT_EQ(result.hunks[0].outcome, Outcome::clean);
    EXPECT_EQ(result.text.render(), "one\ntwo");
}

TEST(FileApply, AddsTheFinalNewlineThePatchAdds) {
    const char* add_newline = "diff --git a/f.c b/f.c\nindex 1111111..2222222 100644\n--- a/f.c\n+++ b/f.c\n"
                              "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n";
    auto result = apply_hunks(TextFile::parse("a\nb"), hunks_of(add_newline));
    EXPECT_EQ(result.hunks[0].outcome, Outcome::clean);
    EXPECT_EQ(result.text.render(), "a\nb\n");
}

TEST(TextFile, RoundTripsWithAndWithoutAFinalNewline) {
    EXPECT_EQ(TextFile::parse("a\nb\n").render(), "a\nb\n");
    EXPECT_EQ(TextFile::parse("a\nb").render(), "a\nb");
    EXPECT_EQ(TextFile::parse("").render(), "");
    EXPECT_EQ(TextFile::parse("a\n\n").lines.size(), 2u);
}
