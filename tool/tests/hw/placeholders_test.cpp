#include <gtest/gtest.h>

#include "hw/placeholders.h"

using namespace seriesctl;

TEST(Placeholders, NamesAndSubstitutionLeaveShellBracesAlone) {
    std::string text = "cd {pkgbuild} && echo ${HOME} {a,b} {} {package-file} {pkgbuild}";
    EXPECT_EQ(placeholders(text), (std::vector<std::string>{"pkgbuild", "package-file", "pkgbuild"}));
    EXPECT_EQ(substitute(text, {{"pkgbuild", "src/k"}}), "cd src/k && echo ${HOME} {a,b} {} {package-file} src/k");
    EXPECT_EQ(substitute("{x}{x}", {{"x", "{x}"}}), "{x}{x}");
}
