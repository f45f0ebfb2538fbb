#include <gtest/gtest.h>

#include "mail/mail.h"
#include "mail/mail_date.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::mail;

TEST(Mail, ReadsTheHeadersThreadingNeeds) {
    Mail mail = parse_mail(
        "From: =?UTF-8?q?Sven_P=C3=BCschel?= <s.pueschel@pengutronix.de>\n"
        "Subject: Re: [PATCH RFC 2/3] media: hantro:\n attach the fence\n"
        "Date: Thu, 30 Apr 2026 10:11:12 +0200\n"
        "Message-ID: <reply-1@example.org>\n"
        "In-Reply-To: <patch-2@example.org> (Ada's message)\n"
        "References: <cover@example.org>\n\t<patch-2@example.org>\n\n"
        "Body.\n",
        "test");
    EXPECT_EQ(mail.message_id, "reply-1@example.org");
    EXPECT_EQ(mail.in_reply_to, "patch-2@example.org");
    EXPECT_EQ(mail.references, (std::vector<std::string>{"cover@example.org", "patch-2@example.org"}));
    EXPECT_EQ(mail.ancestors(), (std::vector<std::string>{"patch-2@example.org", "cover@example.org"}));
    EXPECT_EQ(mail.from.formatted(), "Sven Püschel <s.pueschel@pengutronix.de>");
    EXPECT_EQ(mail.subject, "Re: [PATCH RFC 2/3] media: hantro: attach the fence");
    EXPECT_EQ(util::iso8601_utc(*mail.date), "2026-04-30T08:11:12Z");
    EXPECT_EQ(mail.body, "Body.\n");
}

TEST(Mail, ReadsMessageIdsOldClientsWriteWithoutBrackets) {
    EXPECT_EQ(message_ids("old@client.example"), std::vector<std::string>{"old@client.example"});
    EXPECT_EQ(message_ids("<a@b> <c@d>"), (std::vector<std::string>{"a@b", "c@d"}));
    EXPECT_TRUE(message_ids("nonsense").empty());
}

TEST(Mail, MalformedMessagesAreErrorsNamingWhere) {
    auto error_of = [](const std::string& text) {
        try {
            parse_mail(text, "http://h/all/c@x/t.mbox.gz: message 2", 10);
        } catch (const util::Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_EQ(error_of("From: a@b\n\nno id\n"), "http://h/all/c@x/t.mbox.gz: message 2: no Message-Id");
    EXPECT_EQ(error_of("Message-Id: <m@x>\nFrom: nobody\n\n"),
              "http://h/all/c@x/t.mbox.gz: message 2: message <m@x>: From: 'nobody' is not a mail address");
    EXPECT_EQ(error_of("Message-Id: <m@x>\nthis is no header\n\n"),
              "http://h/all/c@x/t.mbox.gz: message 2: line 11: not a mail header: 'this is no header'");
    EXPECT_EQ(error_of("Message-Id: <m@x>\nFrom: a@b\nContent-Transfer-Encoding: base64\n\n%%%\n"),
              "http://h/all/c@x/t.mbox.gz: message 2: message <m@x>: a base64 body that is not base64");
}
