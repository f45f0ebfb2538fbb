#include <gtest/gtest.h>

#include "build/compiler_output.h"
#include "build/kconfig_fragment.h"

using namespace seriesctl;
using namespace seriesctl::build;

TEST(CompilerOutput, ParsesGccErrorsAndWarningsRelativeToTheTree) {
    std::string output =
        "  CC [M]  drivers/media/common/videobuf2/videobuf2-core.o\n"
        "/cache/src/drivers/media/common/videobuf2/videobuf2-core.c:40:5: warning: no previous prototype for 'f' "
        "[-Wmissing-prototypes]\n"
        "/cache/src/drivers/media/common/videobuf2/videobuf2-core.c: In function 'g':\n"
        "/cache/src/drivers/media/common/videobuf2/videobuf2-core.c:52:9: error: 'x' undeclared (first use in this "
        "function)\n"
        "drivers/media/x.c:7: fatal error: y.h: No such file or directory\n"
        "make[4]: *** [scripts/Makefile.build:229: x.o] Error 1\n";
    auto diagnostics = parse_compiler_output(output, "/cache/src/");
    ASSERT_EQ(diagnostics.size(), 3u);
    EXPECT_EQ(diagnostics[0].file, "drivers/media/common/videobuf2/videobuf2-core.c");
    EXPECT_EQ(diagnostics[0].line, 40);
    EXPECT_EQ(diagnostics[0].kind, "warning");
    EXPECT_EQ(diagnostics[0].message, "no previous prototype for 'f' [-Wmissing-prototypes]");
    EXPECT_EQ(diagnostics[1].kind, "error");
    EXPECT_EQ(diagnostics[2].kind, "error");
    EXPECT_EQ(diagnostics[2].file, "drivers/media/x.c");
}

TEST(CompilerOutput, NewDiagnosticsIgnoreMovedLinesButCountRepeats) {
    Diagnostic base{"a.c", 10, "warning", "unused variable 'x' [-Wunused-variable]"};
    Diagnostic moved = base;
    moved.line = 14;
    Diagnostic other{"a.c", 20, "warning", "unused variable 'y' [-Wunused-variable]"};
    EXPECT_TRUE(new_diagnostics({base}, {moved}).empty());
    auto added = new_diagnostics({base}, {moved, other, moved});
    ASSERT_EQ(added.size(), 2u);
    EXPECT_EQ(added[0].message, other.message);
    EXPECT_EQ(added[1].line, 14) << "a second identical warning is new";
}

TEST(KconfigFragment, FindsWhatOlddefconfigDropped) {
    auto fragment = parse_kconfig("# comment\nCONFIG_A=y\nCONFIG_B=m\n# CONFIG_C is not set\nCONFIG_D=\"x\"\n");
    EXPECT_EQ(fragment.size(), 4u);
    EXPECT_EQ(fragment.at("CONFIG_C"), "n");
    auto config = parse_kconfig("CONFIG_A=y\nCONFIG_B=y\nCONFIG_D=\"x\"\n");
    auto mismatches = fragment_mismatches(fragment, config);
    ASSERT_EQ(mismatches.size(), 1u);
    EXPECT_EQ(mismatches[0].symbol, "CONFIG_B");
    EXPECT_EQ(mismatches[0].got, "y");
    EXPECT_TRUE(fragment_mismatches(parse_kconfig("CONFIG_E=y"), {}).size() == 1) << "a dropped symbol is missing";
}
