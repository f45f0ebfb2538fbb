#include <gtest/gtest.h>

#include "lore/mail_thread.h"

using namespace seriesctl;
using namespace seriesctl::lore;

namespace {

mail::Mail thread_mail(const std::string& id, const std::string& subject, const std::string& parent,
          std::vector<std::string> references = {}) {
    mail::Mail m;
    m.message_id = id;
    m.subject = subject;
    m.in_reply_to = parent;
    m.references = std::move(references);
    m.from = {"R", "r@example.org"};
    return m;
}

const std::map<std::string, ThreadPlace> seeds = {{"cover", {"demo", "v1", 0, 0}}};

}  // namespace

TEST(MailThread, ReadsReplySubjects) {
    patch::PatchSubject subject = reply_subject("Re: AW: [PATCH RFC v2 2/3] media: x");
    EXPECT_EQ(subject.number, 2);
    EXPECT_EQ(subject.summary, "media: x");
    EXPECT_EQ(subject_version(subject), "v2");
    EXPECT_EQ(subject_version(reply_subject("[PATCH RFC 1/3] y")), "v1");
    EXPECT_EQ(subject_version(reply_subject("Re: thoughts")), "");
}

TEST(MailThread, WalksUpToThePatchInAnyOrder) {
    // The nested reply comes first: it is placed once its parent is.
    std::vector<mail::Mail> mails = {
        thread_mail("nested", "Re: [PATCH RFC 2/3] b", "reply", {"cover", "patch2", "reply"}),
        thread_mail("reply", "Re: [PATCH RFC 2/3] b", "patch2", {"cover", "patch2"}),
        thread_mail("patch2", "[PATCH RFC 2/3] b", "cover", {"cover"}),
        thread_mail("patch1", "[PATCH RFC 1/3] a", "cover", {"cover"}),
        thread_mail("cover-reply", "Re: [PATCH RFC 0/3] demo", "cover", {"cover"}),
        thread_mail("elsewhere", "[PATCH] other", "", {}),
    };
    auto placed = place_in_threads(seeds, mails);
    EXPECT_EQ(placed.at("patch1").patch, 1);
    EXPECT_EQ(placed.at("patch2").patch, 2);
    EXPECT_EQ(placed.at("reply").patch, 2);
    EXPECT_EQ(placed.at("nested").patch, 2);
    EXPECT_EQ(placed.at("cover-reply").patch, 0);
    EXPECT_EQ(placed.at("nested").version, "v1");
    EXPECT_FALSE(placed.count("elsewhere"));
    EXPECT_FALSE(placed.count("cover")) << "known mails are not repeated";
}

TEST(MailThread, ToleratesMissingParents) {
    // patch3 never reached the archive; its reply is placed by References and its subject.
    auto placed =
        place_in_threads(seeds, {thread_mail("orphan", "Re: [PATCH RFC 3/3] c", "patch3", {"cover", "patch3"})});
    EXPECT_EQ(placed.at("orphan").patch, 3);
}

TEST(MailThread, LeavesOutAnotherVersionPostedInTheThread) {
    auto placed = place_in_threads(seeds, {thread_mail("v2cover", "[PATCH RFC v2 0/3] demo", "cover", {"cover"}),
                                           thread_mail("v2reply", "Re: something", "v2cover", {"cover", "v2cover"})});
    EXPECT_TRUE(placed.empty());
}
