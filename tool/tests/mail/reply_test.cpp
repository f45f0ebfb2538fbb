#include <gtest/gtest.h>

#include "mail/reply.h"

using namespace seriesctl;
using namespace seriesctl::mail;

namespace {

const Address nicolas{"Nicolas Dufresne", "nicolas@ndufresne.ca"};

}  // namespace

TEST(Reply, SeparatesNewTextFromQuotesAttributionAndSignature) {
    ReplyText reply = read_reply(
        "Hi Ada,\n\n"
        "On Wed, 29 Apr 2026 at 19:53, Ada Tester\n"
        "<ada@example.org> wrote:\n"
        "> +\tvb2_buffer_attach_release_fence(vb);\n"
        "> Reviewed-by: Someone Else <else@example.org>\n\n"
        "This fence may never signal if OUTPUT is starved.\n"
        "Attach it in device_run instead.\n\n"
        "-- \nNicolas\n",
        nicolas);
    EXPECT_EQ(reply.new_text,
              "Hi Ada,\n\n\nThis fence may never signal if OUTPUT is starved.\nAttach it in device_run instead.\n");
    EXPECT_TRUE(reply.trailers.empty()) << "a trailer inside a quote is not this sender's";
    EXPECT_EQ(reply.excerpt, "Hi Ada, This fence may never signal if OUTPUT is starved. Attach it in device_run instead.");
}

TEST(Reply, ExtractsTrailersAndNaks) {
    ReplyText reply = read_reply(
        "> quoted\n\n"
        "Fine with me.\n\n"
        "reviewed-by: Christian König <christian.koenig@amd.com>\n"
        "Acked-by:  Sima Vetter <simona@ffwll.ch>\n"
        "Tested-by: T <t@example.org>\n"
        "Reported-by: R <r@example.org>\n"
        "Suggested-by: S <s@example.org>\n"
        "Reviewed-by: Christian König <christian.koenig@amd.com>\n"
        "NAK.\n",
        nicolas);
    EXPECT_EQ(reply.trailers, (std::vector<std::string>{"Reviewed-by: Christian König <christian.koenig@amd.com>",
                                                        "Acked-by: Sima Vetter <simona@ffwll.ch>",
                                                        "Tested-by: T <t@example.org>",
                                                        "Reported-by: R <r@example.org>",
                                                        "Suggested-by: S <s@example.org>",
                                                        "Nacked-by: Nicolas Dufresne <nicolas@ndufresne.ca>"}));
    EXPECT_EQ(reply.excerpt, "Fine with me.") << "trailers are not the excerpt";
}

TEST(Reply, ExcerptIsShortAndCutBetweenWords) {
    std::string long_text;
    for (int i = 0; i < 100; ++i) long_text += "word ";
    ReplyText reply = read_reply(long_text, nicolas, 23);
    EXPECT_EQ(reply.excerpt, "word word word word…");
}

TEST(Reply, ACarriageReturnOrNulInALineNeverReachesATrailerOrExcerptAsIs) {
    ReplyText reply = read_reply(std::string("Reviewed-by: Nicolas <n@x.org>\0Bcc: evil@x.org\n", 47) +
                                     "Looks\rgood.\n",
                                 nicolas);
    ASSERT_EQ(reply.trailers.size(), 1u);
    EXPECT_EQ(reply.trailers[0], "Reviewed-by: Nicolas <n@x.org> Bcc: evil@x.org");
    EXPECT_EQ(reply.excerpt, "Looks good.");
    for (const auto& text : {reply.trailers[0], reply.excerpt, reply.new_text})
        for (char c : text) EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << int(c);
}
