#include <gtest/gtest.h>

#include "mail/address_book.h"
#include "mail/recipients.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::mail;

TEST(Recipients, DedupesCaseInsensitivelyAndKeepsTheFirstDisplayName) {
    RecipientSet set;
    set.add(recipient("Hans Verkuil <hverkuil@xs4all.nl>", "cc[0]"));
    set.add(recipient("HVerkuil@XS4ALL.nl", "cc[1]"));
    set.add(recipient("linux-media@vger.kernel.org", "cc[2]"));
    ASSERT_EQ(set.addresses().size(), 2u);
    EXPECT_EQ(set.joined(), "Hans Verkuil <hverkuil@xs4all.nl>, linux-media@vger.kernel.org");
}

TEST(Recipients, TheSenderIsNeverACcAndToWinsOverCc) {
    Recipients mail;
    Address sender = recipient("Markus Fritsche <mfritsche@reauktion.de>", "from");
    mail.to.add(recipient("Hans Verkuil <hverkuil@xs4all.nl>", "to"));
    mail.cc.add(recipient("hverkuil@xs4all.nl", "cc"));
    mail.cc.add(recipient("Markus <MFritsche@reauktion.de>", "cc"));
    mail.cc.add(recipient("linux-media@vger.kernel.org", "cc"));
    mail.settle(sender);
    EXPECT_EQ(mail.to.joined(), "Hans Verkuil <hverkuil@xs4all.nl>");
    EXPECT_EQ(mail.cc.joined(), "linux-media@vger.kernel.org");
}

TEST(Recipients, AHeaderInjectedThroughANameIsAnErrorNamingTheField) {
    for (const std::string bad : {"Evil <e@x.org>\nBcc: x@y.org", "Evil\r <e@x.org>", "Evil <e@x.org>\r\nBcc: x@y",
                                  "Eve <e@x.org>, Bcc <x@y.org>"}) {
        try {
            recipient(bad, "series/s.yaml: versions[v2].cc[3]");
            ADD_FAILURE() << "accepted " << bad;
        } catch (const util::Error& e) {
            std::string message = e.what();
            EXPECT_EQ(message.find('\n'), std::string::npos) << "one line";
            EXPECT_EQ(message.find('\r'), std::string::npos);
            EXPECT_TRUE(message.starts_with("series/s.yaml: versions[v2].cc[3]: ")) << message;
        }
    }
}

TEST(AddressBook, MailmapAndMaintainersGiveTheCurrentAddress) {
    AddressBook book("# comment\n"
                     "Simona Vetter <simona.vetter@ffwll.ch> <daniel.vetter@ffwll.ch>\n"
                     "<hverkuil@xs4all.nl> <hans.verkuil@cisco.com>\n",
                     "DMA BUFFER SHARING FRAMEWORK\n"
                     "M:\tSumit Semwal <sumit.semwal@linaro.org>\n"
                     "R:\tChristian König <christian.koenig@amd.com>\n"
                     "L:\tlinux-media@vger.kernel.org\n"
                     "L:\tlinaro-mm-sig@lists.linaro.org (moderated for non-subscribers)\n");
    auto sima = book.current(recipient("Daniel Vetter <daniel.vetter@ffwll.ch>", "cc"));
    ASSERT_TRUE(sima);
    EXPECT_EQ(sima->formatted(), "Simona Vetter <simona.vetter@ffwll.ch>");
    auto hans = book.current(recipient("Hans Verkuil <hans.verkuil@cisco.com>", "cc"));
    ASSERT_TRUE(hans);
    EXPECT_EQ(hans->formatted(), "Hans Verkuil <hverkuil@xs4all.nl>") << "the name written is kept";
    auto sumit = book.current(recipient("Sumit Semwal <sumit.semwal@ti.com>", "cc"));
    ASSERT_TRUE(sumit) << "MAINTAINERS knows Sumit at one other address";
    EXPECT_EQ(sumit->email, "sumit.semwal@linaro.org");
    EXPECT_FALSE(book.current(recipient("Christian König <christian.koenig@amd.com>", "cc")));
    EXPECT_FALSE(book.current(recipient("Someone Else <someone@example.org>", "cc")));
    EXPECT_TRUE(book.is_list(recipient("LINARO-MM-SIG@lists.linaro.org", "cc")));
    EXPECT_FALSE(book.is_list(recipient("sumit.semwal@linaro.org", "cc")));
}
