#include <functional>
#include <gtest/gtest.h>

#include "mail/mail.h"
#include "mail/outgoing_mail.h"

using namespace seriesctl;
using namespace seriesctl::mail;

namespace {

std::vector<OutgoingMail> version_mails(int patches) {
    std::vector<OutgoingMail> mails;
    for (int n = 0; n <= patches; ++n) {
        OutgoingMail mail;
        mail.number = n;
        mail.message_id = "20261201-s-v2-" + std::to_string(n) + "-0123456789ab@reauktion.de";
        mails.push_back(mail);
    }
    return mails;
}

}  // namespace

TEST(OutgoingMail, SubjectsCarryPrefixVersionAndNumber) {
    EXPECT_EQ(subject_prefix("PATCH RFC", 2, 0, 3), "[PATCH RFC v2 0/3]");
    EXPECT_EQ(subject_prefix("PATCH RFC", 2, 3, 3), "[PATCH RFC v2 3/3]");
    EXPECT_EQ(subject_prefix("PATCH", 1, 1, 2), "[PATCH 1/2]") << "v1 is not named";
}

TEST(OutgoingMail, PatchesAnswerTheCoverWhichAnswersThePreviousCover) {
    auto mails = version_mails(3);
    thread_mails(mails, "v1-cover@reauktion.de");
    EXPECT_EQ(mails[0].in_reply_to, "v1-cover@reauktion.de");
    EXPECT_EQ(mails[0].references, std::vector<std::string>{"v1-cover@reauktion.de"});
    for (size_t i = 1; i < mails.size(); ++i) {
        EXPECT_EQ(mails[i].in_reply_to, mails[0].message_id);
        EXPECT_EQ(mails[i].references, (std::vector<std::string>{"v1-cover@reauktion.de", mails[0].message_id}));
    }
    auto first = version_mails(1);
    thread_mails(first, "");
    EXPECT_TRUE(first[0].in_reply_to.empty());
    EXPECT_TRUE(first[0].references.empty());
    EXPECT_EQ(first[1].references, std::vector<std::string>{first[0].message_id});
}

TEST(OutgoingMail, RendersAMailThatReadsBackWithItsHeadersAndEncodedNames) {
    auto mails = version_mails(1);
    thread_mails(mails, "v1-cover@reauktion.de");
    OutgoingMail& mail = mails[1];
    mail.from = "Markus Fritsche <mfritsche@reauktion.de>";
    mail.subject = "[PATCH RFC v2 1/1] media: vb2: fence ünïcode";
    mail.date = 1796159433;
    mail.recipients.to.add({"Christian König", "christian.koenig@amd.com"});
    mail.recipients.cc.add({"", "linux-media@vger.kernel.org"});
    mail.content_headers = {{"Content-Type", "text/plain; charset=utf-8"}};
    mail.body = "From the body\n";
    std::string text = render_mail(mail, WithRecipients::yes);
    EXPECT_NE(text.find("To: Christian =?UTF-8?q?K=C3=B6nig?= <christian.koenig@amd.com>\n"), std::string::npos)
        << text;
    Mail parsed = parse_mail(text, "rendered");
    EXPECT_EQ(parsed.message_id, mail.message_id);
    EXPECT_EQ(parsed.in_reply_to, mails[0].message_id);
    EXPECT_EQ(parsed.references, mail.references);
    EXPECT_EQ(parsed.subject, mail.subject);
    ASSERT_TRUE(parsed.date);
    EXPECT_EQ(*parsed.date, 1796159433);
    EXPECT_EQ(render_mail(mail, WithRecipients::no).find("\nTo:"), std::string::npos);
    std::string mbox = render_mbox(mails);
    EXPECT_NE(mbox.find("\n>From the body\n"), std::string::npos) << "mboxrd escapes body lines";
}

TEST(OutgoingMail, ALineBreakOrNulInAnyHeaderValueIsRefusedNotWritten) {
    struct Case {
        const char* what;
        std::function<void(OutgoingMail&)> poison;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"subject", [](OutgoingMail& m) { m.subject = "[PATCH 0/1] x\nBcc: evil@example.org"; },
         "mail 0 (cover): Subject: the value holds a line break; refusing to write the mail (header injection)"},
        {"subject CR", [](OutgoingMail& m) { m.subject = "x\rBcc: evil@example.org"; },
         "mail 0 (cover): Subject: the value holds a line break; refusing to write the mail (header injection)"},
        {"from NUL", [](OutgoingMail& m) { m.from = std::string("Ada <a@b.c>\0x", 14); },
         "mail 0 (cover): From: the value holds a control character; refusing to write the mail (header injection)"},
        {"content header", [](OutgoingMail& m) { m.content_headers = {{"Content-Type", "text/plain\nBcc: e@x.y"}}; },
         "mail 0 (cover): Content-Type: the value holds a line break; refusing to write the mail (header injection)"},
        {"reference", [](OutgoingMail& m) { m.references = {"a@b\nBcc: e@x.y"}; },
         "mail 0 (cover): References: the value holds a line break; refusing to write the mail (header injection)"},
    };
    for (const auto& c : cases) {
        OutgoingMail mail = version_mails(0)[0];
        mail.from = "Ada Tester <ada@example.org>";
        mail.subject = "[PATCH 0/1] fine";
        c.poison(mail);
        for (auto with : {WithRecipients::no, WithRecipients::yes}) {
            try {
                render_mail(mail, with);
                ADD_FAILURE() << c.what << ": rendered";
            } catch (const std::exception& e) {
                EXPECT_EQ(std::string(e.what()), c.message) << c.what;
            }
        }
        EXPECT_THROW(render_mbox({mail}), std::exception) << c.what;
    }
}

TEST(OutgoingMail, ATabInASubjectIsNoBreak) {
    OutgoingMail mail = version_mails(0)[0];
    mail.from = "Ada Tester <ada@example.org>";
    mail.subject = "[PATCH 0/1] a\tb";
    EXPECT_NE(render_mail(mail, WithRecipients::no).find("Subject: [PATCH 0/1] a\tb\n"), std::string::npos);
}
