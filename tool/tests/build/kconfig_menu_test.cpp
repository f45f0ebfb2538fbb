#include <gtest/gtest.h>

#include "build/kconfig_menu.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::build;

namespace {

KconfigMenu read(const std::map<std::string, std::string>& files, const std::string& srcarch = "x86") {
    return read_kconfig_menu(
        [&](const std::string& path) -> std::optional<std::string> {
            auto found = files.find(path);
            if (found == files.end()) return std::nullopt;
            return found->second;
        },
        srcarch);
}

}  // namespace

TEST(KconfigMenu, ConditionsComeFromDependsIfBlocksMenusAndPrompts) {
    auto menu = read({{"Kconfig", "mainmenu \"Linux\"\nsource \"arch/$(SRCARCH)/Kconfig\"\nsource \"drivers/Kconfig\"\n"},
                      {"arch/x86/Kconfig", "config X86\n\tdef_bool y\n"},
                      {"drivers/Kconfig",
                       "menuconfig MEDIA_SUPPORT\n"
                       "\ttristate \"Multimedia support\"\n"
                       "\tdepends on HAS_IOMEM\n"
                       "\thelp\n"
                       "\t  If you say Y here: config NOT_A_SYMBOL\n"
                       "\n"
                       "\t  depends on NOTHING\n"
                       "if MEDIA_SUPPORT # a comment\n"
                       "menu \"Platform\"\n"
                       "\tvisible if MEDIA_PLATFORM\n"
                       "\tdepends on PCI || COMPILE_TEST\n"
                       "config VIDEO_HANTRO\n"
                       "\ttristate \"Hantro\" if EXPERT\n"
                       "\tdepends on ARCH_ROCKCHIP || \\\n"
                       "\t\t   COMPILE_TEST\n"
                       "\tselect VIDEOBUF2_CORE\n"
                       "\tdefault m if ARCH_ROCKCHIP\n"
                       "endmenu\n"
                       "endif\n"
                       "config VIDEOBUF2_CORE\n"
                       "\ttristate\n"}});
    ASSERT_TRUE(menu.count("X86"));
    EXPECT_FALSE(menu.at("X86")[0].prompt);
    EXPECT_EQ(menu.at("X86")[0].type, "bool");
    EXPECT_FALSE(menu.count("NOT_A_SYMBOL")) << "help text is skipped";
    ASSERT_TRUE(menu.count("MEDIA_SUPPORT"));
    EXPECT_EQ(menu.at("MEDIA_SUPPORT")[0].conditions, std::vector<std::string>{"HAS_IOMEM"});
    ASSERT_TRUE(menu.count("VIDEO_HANTRO"));
    const auto& hantro = menu.at("VIDEO_HANTRO")[0];
    EXPECT_TRUE(hantro.prompt);
    EXPECT_EQ(hantro.type, "tristate");
    EXPECT_EQ(hantro.conditions, (std::vector<std::string>{"MEDIA_SUPPORT", "MEDIA_PLATFORM", "PCI || COMPILE_TEST",
                                                           "EXPERT", "ARCH_ROCKCHIP || \t\t   COMPILE_TEST"}));
    ASSERT_TRUE(menu.count("VIDEOBUF2_CORE"));
    EXPECT_FALSE(menu.at("VIDEOBUF2_CORE")[0].prompt);
    EXPECT_TRUE(menu.at("VIDEOBUF2_CORE")[0].conditions.empty()) << "outside the if block";
}

TEST(KconfigMenu, OtherArchesAreNotReadAndMissingFilesAreErrors) {
    auto menu = read({{"Kconfig", "source \"arch/$(SRCARCH)/Kconfig\"\n"},
                      {"arch/x86/Kconfig", "config X86\n\tdef_bool y\n"},
                      {"arch/arm64/Kconfig", "config ARM64\n\tdef_bool y\n"}},
                     "arm64");
    EXPECT_TRUE(menu.count("ARM64"));
    EXPECT_FALSE(menu.count("X86"));
    EXPECT_THROW(read({{"Kconfig", "source \"drivers/Kconfig\"\n"}}), util::Error);
    EXPECT_THROW(read({{"Kconfig", "endif\n"}}), util::Error);
}
