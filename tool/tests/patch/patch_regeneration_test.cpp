#include <gtest/gtest.h>

#include "git/diff_parser.h"
#include "patch/patch_regeneration.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::patch;

namespace {

const char* with_notes = R"(From 26c2d874a47f08dc0becb4923fdbcf3f7bb31bb5 Mon Sep 17 00:00:00 2001
From: Ada Tester <ada@example.org>
Date: Thu, 14 May 2026 10:06:41 +0200
Subject: [PATCH RFC v2 2/3] media: demo: do a thing

Why it is done.

Signed-off-by: Ada Tester <ada@example.org>
---

Notes:
    Changes in v2:
    - one

    - two

 f.c | 2 +-
 1 file changed, 1 insertion(+), 1 deletion(-)

diff --git a/f.c b/f.c
index d2223a12c..1439d07eb 100644
--- a/f.c
+++ b/f.c
@@ -1 +1 @@
-a
+b
-- 
2.39.5

)";

}  // namespace

TEST(PatchRegeneration, RebuildsTheCommitMessageAndTheNote) {
    PatchFile patch = git::read_patch(with_notes, "0002.patch");
    EXPECT_EQ(commit_message(patch), "media: demo: do a thing\n\nWhy it is done.\n\nSigned-off-by: Ada Tester <ada@example.org>\n");
    EXPECT_EQ(note_text(patch), "Changes in v2:\n- one\n\n- two\n");
}

TEST(PatchRegeneration, AsksFormatPatchForTheSameShape) {
    PatchFile patch = git::read_patch(with_notes, "0002.patch");
    EXPECT_EQ(format_patch_options({patch}),
              (std::vector<std::string>{"--subject-prefix=PATCH RFC v2", "--numbered", "--notes",
                                        "--signature=2.39.5", "--abbrev=9"}));
}

TEST(PatchRegeneration, RefusesChangelogsThatAreNoGitNote) {
    std::string text = with_notes;
    text.replace(text.find("Notes:\n"), 7, "v2: hand written\n");
    EXPECT_THROW(note_text(git::read_patch(text, "0002.patch")), util::Error);
}

TEST(PatchRegeneration, NamesTheFirstHeaderThatCameOutDifferent) {
    PatchFile original = git::read_patch(with_notes, "0002.patch");
    std::string moved = with_notes;
    moved.replace(moved.find("index d2223a12c"), 15, "index 999999999");
    EXPECT_EQ(regeneration_difference(original, git::read_patch(moved, "new")), "") << "only the diff moved";
    std::string other_date = with_notes;
    other_date.replace(other_date.find("10:06:41"), 8, "11:06:41");
    EXPECT_EQ(regeneration_difference(original, git::read_patch(other_date, "new")),
              "header 'Date: Thu, 14 May 2026 10:06:41 +0200' comes out as 'Date: Thu, 14 May 2026 11:06:41 +0200'");
}
