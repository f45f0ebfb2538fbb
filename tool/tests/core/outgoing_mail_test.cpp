#include <gtest/gtest.h>

#include "core/mail.h"
#include "core/outgoing_mail.h"

using namespace seriesctl;

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
