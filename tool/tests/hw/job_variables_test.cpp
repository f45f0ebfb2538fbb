#include <gtest/gtest.h>

#include "hw/job_variables.h"

using namespace seriesctl;
using namespace seriesctl::hw;

TEST(JobVariables, NamesAndSubstitutionLeaveShellBracesAlone) {
    std::string text = "cd {pkgbuild} && echo ${HOME} {a,b} {} {package-file} {pkgbuild}";
    EXPECT_EQ(variable_names(text), (std::vector<std::string>{"pkgbuild", "package-file", "pkgbuild"}));
    EXPECT_EQ(substitute(text, {{"pkgbuild", "src/k"}}), "cd src/k && echo ${HOME} {a,b} {} {package-file} src/k");
    EXPECT_EQ(substitute("{x}{x}", {{"x", "{x}"}}), "{x}{x}");
}
