#include <gtest/gtest.h>

#include "mail/address.h"

using namespace seriesctl;
using namespace seriesctl::mail;

TEST(Address, ParsesTheUsualForms) {
    std::string why;
    EXPECT_EQ(parse_address("Sima Vetter <simona@ffwll.ch>", &why).formatted(), "Sima Vetter <simona@ffwll.ch>");
    EXPECT_EQ(parse_address("linux-media@vger.kernel.org", &why).formatted(), "linux-media@vger.kernel.org");
    Address quoted = parse_address("\"Garcia, Ezequiel\" <e@v.com.ar>", &why);
    EXPECT_EQ(quoted.name, "Garcia, Ezequiel");
    EXPECT_EQ(quoted.formatted(), "\"Garcia, Ezequiel\" <e@v.com.ar>");
    EXPECT_EQ(parse_address("A <Mixed.Case@Example.ORG>", &why).key(), "mixed.case@example.org");
}

TEST(Address, RefusesHeaderInjectionAndJunk) {
    std::string why;
    EXPECT_TRUE(parse_address("Eve <eve@x.org>\nBcc: all@x.org", &why).email.empty());
    EXPECT_EQ(why, "contains a line break (header injection)");
    EXPECT_TRUE(parse_address("Eve\r <eve@x.org>", &why).email.empty());
    EXPECT_EQ(why, "contains a line break (header injection)");
    EXPECT_TRUE(parse_address("Eve <eve@x.org", &why).email.empty());
    EXPECT_EQ(why, "has an unbalanced '<'");
    EXPECT_TRUE(parse_address("no at sign", &why).email.empty());
    EXPECT_EQ(why, "is not a mail address");
    EXPECT_TRUE(parse_address("Eve <eve@x.org>, Mallory <m@x.org>", &why).email.empty());
}
