#include <gtest/gtest.h>

#include "check/checkpatch_output.h"

using namespace seriesctl;
using namespace seriesctl::check;

// Output of the 6.12 tree's checkpatch.pl --strict --show-types
// --no-summary --color=never on a patch with style problems.
const char* output = R"(WARNING:SPACING: space prohibited before semicolon
#21: FILE: drivers/media/common/videobuf2/videobuf2-core.c:39:
+int x ;

ERROR:SPACING: space required after that ',' (ctx:VxV)
#22: FILE: drivers/media/common/videobuf2/videobuf2-core.c:40:
+static int  foo(int a,int b){ return a+b; }
                      ^

CHECK:SPACING: spaces preferred around that '+' (ctx:VxV)
#22: FILE: drivers/media/common/videobuf2/videobuf2-core.c:40:
+static int  foo(int a,int b){ return a+b; }
                                       ^

ERROR:NO_AUTHOR_SIGN_OFF: Missing Signed-off-by: line by nominal patch author 'Ada Tester <ada@example.org>'

WARNING:COMMIT_LOG_LONG_LINE: Prefer a maximum 75 chars per line (possible unwrapped commit description?)
#9: 
This line is far too long for a commit message and checkpatch says so right here ok.

NOTE: For some of the reported defects, checkpatch may be able to
      mechanically convert to the typical style using --fix or --fix-inplace.

/tmp/sample.patch has style problems, please review.
)";

TEST(CheckpatchOutput, ParsesEveryFindingWithItsPlace) {
    auto findings = parse_checkpatch_output(output, 2);
    ASSERT_EQ(findings.size(), 5u);
    EXPECT_EQ(findings[0].level, "WARNING");
    EXPECT_EQ(findings[0].type, "SPACING");
    EXPECT_EQ(findings[0].message, "space prohibited before semicolon");
    EXPECT_EQ(findings[0].file, "drivers/media/common/videobuf2/videobuf2-core.c");
    EXPECT_EQ(findings[0].line, 39);
    EXPECT_EQ(findings[0].patch_line, 21);
    EXPECT_EQ(findings[0].patch, 2);
    EXPECT_EQ(findings[2].level, "CHECK");
    EXPECT_EQ(findings[2].line, 40);
    EXPECT_EQ(findings[3].type, "NO_AUTHOR_SIGN_OFF");
    EXPECT_EQ(findings[3].file, "") << "a message-level finding is not pinned on a file";
    EXPECT_EQ(findings[3].line, 0);
    EXPECT_EQ(findings[4].patch_line, 9);
    EXPECT_EQ(findings[4].file, "");
}

TEST(CheckpatchOutput, CleanOutputHasNoFindings) {
    EXPECT_TRUE(parse_checkpatch_output("", 1).empty());
}
