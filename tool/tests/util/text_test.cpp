#include "util/text.h"

#include <gtest/gtest.h>

namespace seriesctl::util {
namespace {

TEST(Text, LowercaseTouchesOnlyAsciiLetters) {
    EXPECT_EQ(lowercase("Reviewed-BY: Zoë <A@B.Org>"), "reviewed-by: zoë <a@b.org>");
}

TEST(Text, TrimmedDropsBlanksAtBothEndsOnly) {
    EXPECT_EQ(trimmed(" \t a  b \r\n"), "a  b");
    EXPECT_EQ(trimmed(" \r\n\t"), "");
    EXPECT_EQ(trimmed(""), "");
}

TEST(Text, JoinedPutsTheSeparatorBetweenEveryTwoItems) {
    EXPECT_EQ(joined({"a", "", "c"}, ", "), "a, , c");
    EXPECT_EQ(joined({"one"}, " "), "one");
    EXPECT_EQ(joined({}, " "), "");
}

}  // namespace
}  // namespace seriesctl::util
