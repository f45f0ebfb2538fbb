#include <gtest/gtest.h>

#include "lore/lore_query.h"

using namespace seriesctl;
using namespace seriesctl::lore;

TEST(LoreQuery, NothingToLookForIsNoQuery) { EXPECT_EQ(poll_query(5, {}, {}, {"a@b"}), ""); }

TEST(LoreQuery, QuotesPhrasesAndMessageIds) {
    EXPECT_EQ(poll_query(100, {"say \"hi\""}, {}, {"x@y"}), "rt:100.. (s:\"say  hi \") NOT mid:\"x@y\"");
}

TEST(LoreQuery, BuildsPublicInboxUrls) {
    EXPECT_EQ(thread_mbox_url("http://127.0.0.1:8080/all", "2026.1-1-a@b/c"),
              "http://127.0.0.1:8080/all/2026.1-1-a@b%2Fc/t.mbox.gz");
    EXPECT_EQ(message_url("https://lore.kernel.org/all", "CAHk-=wj+x$y@mail.gmail.com"),
              "https://lore.kernel.org/all/CAHk-=wj+x$y@mail.gmail.com/");
    EXPECT_EQ(search_mbox_url("http://h/all", "rt:1.. (s:\"a b\")"), "http://h/all/?x=m&q=rt%3A1..%20%28s%3A%22a%20b%22%29");
}
