#include <gtest/gtest.h>

#include "build/kconfig_expr.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::build;

namespace {

const KconfigValues config = {{"CONFIG_MEDIA_SUPPORT", "m"}, {"CONFIG_COMPILE_TEST", "y"},
                              {"CONFIG_NR_CPUS", "64"},      {"CONFIG_CC_VERSION_TEXT", "\"gcc 12\""}};

int eval(const std::string& text) { return kconfig_eval(parse_kconfig_expr(text), config); }

std::vector<std::string> to_meet(const std::string& text) {
    return kconfig_symbols_to_meet(parse_kconfig_expr(text), config,
                                   [](const std::string& name) { return name != "HAS_IOMEM" && name != "ARCH_MXC"; });
}

}  // namespace

TEST(KconfigExpr, EvaluatesTristateLogicAgainstAConfig) {
    EXPECT_EQ(eval("MEDIA_SUPPORT"), 1);
    EXPECT_EQ(eval("COMPILE_TEST && MEDIA_SUPPORT"), 1);
    EXPECT_EQ(eval("VIDEO_DEV || COMPILE_TEST"), 2);
    EXPECT_EQ(eval("!VIDEO_DEV"), 2);
    EXPECT_EQ(eval("!(MEDIA_SUPPORT && COMPILE_TEST)"), 1);
    EXPECT_EQ(eval("I2C || I2C=n"), 2);
    EXPECT_EQ(eval("MEDIA_SUPPORT != y"), 2);
    EXPECT_EQ(eval("NR_CPUS >= 8 && NR_CPUS < 0x100"), 2);
    EXPECT_EQ(eval("CC_VERSION_TEXT = \"gcc 12\""), 2);
    EXPECT_EQ(eval("$(cc-option,-mfoo)"), 2);
}

TEST(KconfigExpr, NamesTheSymbolsThatMeetAnUnmetDependency) {
    EXPECT_TRUE(to_meet("COMPILE_TEST").empty()) << "already met";
    EXPECT_EQ(to_meet("VIDEO_DEV && V4L_MEM2MEM_DRIVERS && COMPILE_TEST"),
              (std::vector<std::string>{"VIDEO_DEV", "V4L_MEM2MEM_DRIVERS"}));
    EXPECT_EQ(to_meet("ARCH_MXC || ARCH_ROCKCHIP || PCI"), (std::vector<std::string>{"ARCH_ROCKCHIP"}))
        << "the first alternative that can be set";
    EXPECT_EQ(to_meet("PM = y"), (std::vector<std::string>{"PM"}));
    EXPECT_TRUE(to_meet("HAS_IOMEM").empty()) << "not settable";
    EXPECT_TRUE(to_meet("VIDEO_DEV && HAS_IOMEM").empty()) << "one operand can never be met";
    EXPECT_TRUE(to_meet("!COMPILE_TEST").empty()) << "a negation is never met by setting symbols";
}

TEST(KconfigExpr, BadExpressionsAreErrorsNamingThem) {
    EXPECT_THROW(parse_kconfig_expr("A &&"), util::Error);
    EXPECT_THROW(parse_kconfig_expr("(A || B"), util::Error);
    EXPECT_THROW(parse_kconfig_expr("A B"), util::Error);
    try {
        parse_kconfig_expr("A @ B");
        FAIL();
    } catch (const util::Error& e) {
        EXPECT_NE(std::string(e.what()).find("A @ B"), std::string::npos) << e.what();
    }
}
