#include <gtest/gtest.h>

#include "mail/message_id.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::mail;

TEST(MessageId, FollowsB4sTemplateWithTheSendDateAndTheSendersDomain) {
    MessageIdTemplate ids = make_message_id_template("20260428-vb2-release-fence-4fcbcddcd1d2", 2, "20261201",
                                                     "0123456789ab", "mfritsche@reauktion.de");
    EXPECT_EQ(ids.id(0), "20261201-vb2-release-fence-v2-0-0123456789ab@reauktion.de");
    EXPECT_EQ(ids.id(3), "20261201-vb2-release-fence-v2-3-0123456789ab@reauktion.de");
}

TEST(MessageId, AResumedSendRecoversItsTemplateFromARecordedId) {
    auto ids = parse_message_id_template("20261201-vb2-release-fence-v2-1-0123456789ab@reauktion.de");
    ASSERT_TRUE(ids);
    EXPECT_EQ(ids->slug, "vb2-release-fence");
    EXPECT_EQ(ids->revision, 2);
    EXPECT_EQ(ids->id(0), "20261201-vb2-release-fence-v2-0-0123456789ab@reauktion.de");
    EXPECT_FALSE(parse_message_id_template("20260429195306.239666-1-mfritsche@reauktion.de"))
        << "git send-email's own ids are not ours";
}

TEST(MessageId, RefusesWhatIsNotAChangeIdOrAnAddress) {
    EXPECT_THROW(make_message_id_template("vb2-release-fence", 2, "20261201", "0123456789ab", "a@b"), util::Error);
    EXPECT_THROW(make_message_id_template("20260428-x-4fcbcddcd1d2", 2, "20261201", "0123456789ab", "nobody"),
                 util::Error);
    EXPECT_THROW(make_message_id_template("20260428-x-4fcbcddcd1d2", 2, "2026-12-01", "0123456789ab", "a@b"),
                 util::Error);
}
