#include <gtest/gtest.h>

#include "mail/mail_date.h"

using namespace seriesctl;
using namespace seriesctl::mail;

TEST(MailDate, ReadsRfc5322Dates) {
    EXPECT_EQ(util::iso8601_utc(*parse_mail_date("Wed, 29 Apr 2026 19:53:06 +0000")), "2026-04-29T19:53:06Z");
    EXPECT_EQ(util::iso8601_utc(*parse_mail_date("Thu, 30 Apr 2026 10:11:12 +0200 (CEST)")), "2026-04-30T08:11:12Z");
    EXPECT_EQ(util::iso8601_utc(*parse_mail_date("1 May 2026 23:30 -0700")), "2026-05-02T06:30:00Z")
        << "no weekday, no seconds";
    EXPECT_EQ(util::iso8601_utc(*parse_mail_date("Fri, 01 May 2026 12:00:00 GMT")), "2026-05-01T12:00:00Z");
    EXPECT_EQ(util::iso8601_utc(*parse_mail_date("Fri, 01 May 2026 12:00:00 PDT")), "2026-05-01T19:00:00Z");
    EXPECT_EQ(*parse_mail_date("Thu, 1 Jan 1970 00:00:00 +0000"), 0);
}

TEST(MailDate, RefusesWhatIsNoDate) {
    EXPECT_FALSE(parse_mail_date(""));
    EXPECT_FALSE(parse_mail_date("yesterday"));
    EXPECT_FALSE(parse_mail_date("Wed, 29 Foo 2026 19:53:06 +0000"));
    EXPECT_FALSE(parse_mail_date("Wed, 29 Apr 2026 25:53:06 +0000"));
}

TEST(MailDate, FormatsLeapDays) { EXPECT_EQ(util::iso8601_utc(1709164800), "2024-02-29T00:00:00Z"); }
