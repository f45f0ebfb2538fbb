#include <gtest/gtest.h>

#include "mail/mbox.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::mail;

TEST(Mbox, SplitsMessagesAndUnescapesFromLines) {
    const char* mbox =
        "From mboxrd@z Thu Jan  1 00:00:00 1970\n"
        "Message-Id: <a@x>\n\nbody a\n>From the start\n>>From twice\n\n"
        "From mboxrd@z Thu Jan  1 00:00:00 1970\n"
        "Message-Id: <b@x>\n\nbody b\n\n";
    auto messages = split_mboxrd(mbox, "test.mbox");
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_EQ(messages[0].text, "Message-Id: <a@x>\n\nbody a\nFrom the start\n>From twice\n");
    EXPECT_EQ(messages[0].line, 2u);
    EXPECT_EQ(messages[1].text, "Message-Id: <b@x>\n\nbody b\n");
    EXPECT_EQ(messages[1].line, 9u);
}

TEST(Mbox, EmptyTextHoldsNoMessages) { EXPECT_TRUE(split_mboxrd("", "empty").empty()); }

TEST(Mbox, TextThatIsNoMboxIsAnErrorNamingWhere) {
    try {
        split_mboxrd("<html>oops</html>\n", "http://h/all/x/t.mbox.gz");
        FAIL() << "no error";
    } catch (const util::Error& e) {
        EXPECT_STREQ(e.what(), "http://h/all/x/t.mbox.gz: line 1: not an mbox (it does not start with a \"From \" line)");
    }
}
