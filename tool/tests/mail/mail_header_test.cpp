#include <gtest/gtest.h>

#include "mail/mail_header.h"

using namespace seriesctl;
using namespace seriesctl::mail;

TEST(MailHeader, UnfoldsContinuationLines) {
    std::string why;
    auto headers = parse_headers("Subject: [PATCH] a long\n subject line\nFrom: A <a@b.c>\n\nbody", &why);
    ASSERT_TRUE(headers) << why;
    ASSERT_EQ(headers->size(), 2u);
    EXPECT_EQ(find_header(*headers, "subject")->value, "[PATCH] a long subject line");
}

TEST(MailHeader, DecodesEncodedWords) {
    EXPECT_EQ(decode_rfc2047("=?UTF-8?q?Christian=20K=C3=B6nig?= <c@amd.com>"), "Christian König <c@amd.com>");
    EXPECT_EQ(decode_rfc2047("=?utf-8?B?U3ZlbiBQw7xzY2hlbA==?="), "Sven Püschel");
    EXPECT_EQ(decode_rfc2047("=?ISO-8859-1?Q?J=F6rg?= Tester"), "Jörg Tester");
    EXPECT_EQ(decode_rfc2047("=?UTF-8?q?a?= =?UTF-8?q?b?="), "ab") << "space between encoded words is dropped";
    EXPECT_EQ(decode_rfc2047("plain text"), "plain text");
    EXPECT_EQ(decode_rfc2047("=?KOI8-R?Q?=F0=D2=C9=D7=C5=D4?="), "Привет") << "any charset iconv knows";
    EXPECT_EQ(decode_rfc2047("=?X-UNKNOWN?Q?x?="), "=?X-UNKNOWN?Q?x?=") << "unknown charsets stay encoded";
}

TEST(MailHeader, RejectsGarbage) {
    std::string why;
    EXPECT_FALSE(parse_headers(" leading continuation\n", &why));
    EXPECT_EQ(why, "line 1: continuation before any header");
    EXPECT_FALSE(parse_headers("Good: yes\nnot a header\n", &why));
    EXPECT_EQ(why, "line 2: not a mail header: 'not a header'");
}

// Found by tool/fuzz/mail_fuzz and patch_fuzz: a continuation line of only
// whitespace threw std::out_of_range ("internal error" for watch and every
// verb reading patches).
TEST(MailHeader, AContinuationOfOnlyWhitespaceAddsNothing) {
    std::string why;
    auto headers = parse_headers("Subject: a\n \t\n\t\nFrom: A <a@b.c>\r\n \r\n\nbody", &why);
    ASSERT_TRUE(headers) << why;
    ASSERT_EQ(headers->size(), 2u);
    EXPECT_EQ(find_header(*headers, "subject")->value, "a");
    EXPECT_EQ(find_header(*headers, "from")->value, "A <a@b.c>");
}
