#include <gtest/gtest.h>

#include "lore/watch_plan.h"

using namespace seriesctl;
using namespace seriesctl::lore;

namespace {

const mail::Address ada{"Ada Tester", "ada@example.org"};
const mail::Address rey{"Rey Viewer", "rey@example.org"};
const mail::Address sven{"Sven Püschel", "s.pueschel@pengutronix.de"};

mail::Mail thread_mail(const std::string& id, const mail::Address& from, const std::string& subject,
                       const std::string& parent, const std::string& body, int64_t date = 1777500000) {
    mail::Mail m;
    m.message_id = id;
    m.from = from;
    m.subject = subject;
    m.in_reply_to = parent;
    if (!parent.empty()) m.references = {"cover", parent};
    if (parent == "cover") m.references = {"cover"};
    m.body = body;
    m.date = date;
    return m;
}

const std::string rga_diff = "---\ndiff --git a/drivers/rga/rga.c b/drivers/rga/rga.c\n--- a/x\n+++ b/x\n";

std::vector<WatchedVersion> watched() { return {{"demo", "v1", "cover", {}, "ada@example.org"}}; }

std::vector<mail::Mail> v1_thread() {
    return {thread_mail("cover", ada, "[PATCH RFC 0/2] demo: a thing", "", "Cover.\n"),
            thread_mail("p1", ada, "[PATCH RFC 1/2] demo: first", "cover", "Msg.\n" + rga_diff),
            thread_mail("p2", ada, "[PATCH RFC 2/2] demo: second", "cover", "Msg.\n"),
            thread_mail("r1", rey, "Re: [PATCH RFC 2/2] demo: second", "p2",
                        "> q\nReviewed-by: Rey Viewer <rey@example.org>\n"),
            thread_mail("r2", ada, "Re: [PATCH RFC 2/2] demo: second", "r1", "Thanks!\n")};
}

}  // namespace

TEST(WatchPlan, WatchesEverySentVersion) {
    series::Series series;
    series.name = "demo";
    series.from = "Ada Tester <Ada@Example.org>";
    series.versions.resize(2);
    series.versions[0].number = 1;
    series.versions[0].sent =
        series::SentRecord{"2026-04-29", "cover", "", {{1, "p1", series::MessageState::accepted}}};
    series.versions[1].number = 2;  // a draft: not watched
    auto versions = watched_versions({series});
    ASSERT_EQ(versions.size(), 1u);
    EXPECT_EQ(versions[0].version, "v1");
    EXPECT_EQ(versions[0].submitter, "ada@example.org");
    EXPECT_EQ(versions[0].sent.at(1), "p1");
}

TEST(WatchPlan, FirstPollFetchesThreadsWholeAndLearnsTheirSubjectsAndFiles) {
    WatchState empty;
    EXPECT_EQ(threads_to_fetch(empty, watched(), false), std::vector<std::string>{"cover"});
    PollOutcome outcome = plan_poll(empty, watched(), v1_thread(), {"cover"}, {}, 1777600000, "http://h/all");

    ASSERT_EQ(outcome.replies.size(), 1u) << "our own mails are no reviews";
    const series::Review& review = outcome.replies[0].review;
    EXPECT_EQ(review.message_id, "r1");
    EXPECT_EQ(review.patch, 2);
    EXPECT_EQ(review.author, "Rey Viewer <rey@example.org>");
    EXPECT_EQ(review.trailers, std::vector<std::string>{"Reviewed-by: Rey Viewer <rey@example.org>"});
    EXPECT_EQ(review.date, "2026-04-29T22:00:00Z");
    EXPECT_TRUE(review.addressed_in.empty());

    const ThreadInfo& thread = outcome.state.threads.at("cover");
    EXPECT_EQ(thread.subjects, (std::set<std::string>{"demo: a thing", "demo: first", "demo: second"}));
    EXPECT_EQ(thread.files, std::set<std::string>{"drivers/rga/rga.c"});
    EXPECT_EQ(outcome.state.cursor, 1777600000);
    EXPECT_EQ(outcome.state.index.size(), 5u);
    EXPECT_TRUE(threads_to_fetch(outcome.state, watched(), false).empty());
    EXPECT_EQ(threads_to_fetch(outcome.state, watched(), true), std::vector<std::string>{"cover"});
}

TEST(WatchPlan, LaterPollsSearchNarrowlyAndReportOnlyWhatIsNew) {
    PollOutcome first = plan_poll({}, watched(), v1_thread(), {"cover"}, {}, 1777600000, "http://h/all");
    int64_t since = search_since(first.state, 0, 3600, 0);
    EXPECT_EQ(since, 1777600000 - 3600);
    EXPECT_EQ(search_since({}, 1777600000, 3600, 86400), 1777600000 - 86400) << "the first poll: the radar window";
    EXPECT_EQ(search_since({}, 1777600000, 0, 1777600000), 1000000000) << "never a number public-inbox reads as a date";
    EXPECT_EQ(search_query(first.state, watched(), 1777500000, false),
              "rt:1777500000.. (s:\"demo: a thing\" OR s:\"demo: first\" OR s:\"demo: second\" OR "
              "dfn:\"drivers/rga/rga.c\") NOT mid:\"cover\" NOT mid:\"p1\" NOT mid:\"p2\" NOT mid:\"r1\" NOT mid:\"r2\"");
    EXPECT_EQ(search_query(first.state, watched(), 1777500001, true), "rt:1777500001.. (dfn:\"drivers/rga/rga.c\")")
        << "refetching whole threads: no subjects; mails older than `since` are not left out";

    // The search finds the thread again (already met), a nested reply, and another series.
    std::vector<mail::Mail> found = v1_thread();
    found.push_back(thread_mail("r3", sven, "Re: [PATCH RFC 2/2] demo: second", "r2", "NACK\n", 1777650000));
    mail::Mail other =
        thread_mail("rga3-5", sven, "[PATCH v5 05/29] media: rga: rework", "", "x\n" + rga_diff, 1777640000);
    other.references = {"rga3-cover"};
    mail::Mail other_lower = other;
    other_lower.message_id = "rga3-2";
    other_lower.subject = "[PATCH v5 02/29] media: rga: prepare";
    found.push_back(other);
    found.push_back(other_lower);
    PollOutcome second = plan_poll(first.state, watched(), found, {}, {}, 1777700000, "http://h/all");
    ASSERT_EQ(second.replies.size(), 1u);
    EXPECT_EQ(second.replies[0].review.message_id, "r3");
    EXPECT_EQ(second.replies[0].review.patch, 2) << "nested under our own reply to a review of patch 2";
    EXPECT_EQ(second.replies[0].review.trailers,
              std::vector<std::string>{"Nacked-by: Sven Püschel <s.pueschel@pengutronix.de>"});
    ASSERT_EQ(second.radar.size(), 1u) << "one line per series";
    EXPECT_EQ(second.radar[0].root, "rga3-cover");
    EXPECT_EQ(second.radar[0].subject, "[PATCH v5 02/29] media: rga: prepare");
    EXPECT_EQ(second.radar[0].link, "http://h/all/rga3-cover/");
    EXPECT_EQ(second.radar[0].files, std::set<std::string>{"drivers/rga/rga.c"});

    PollOutcome third = plan_poll(second.state, watched(), found, {}, {}, 1777800000, "http://h/all");
    EXPECT_TRUE(third.replies.empty());
    EXPECT_TRUE(third.radar.empty()) << "a series is reported once";
}

TEST(WatchPlan, ReviewsInTheSeriesFileAreNotStoredTwice) {
    // A lost cache: everything is new to the plan, but r1 is in the file.
    PollOutcome outcome = plan_poll({}, watched(), v1_thread(), {"cover"}, {"r1"}, 1777600000, "http://h/all");
    EXPECT_TRUE(outcome.replies.empty());
}

TEST(WatchPlan, LeavesOutOnlyTheNewestMetMails) {
    PollOutcome first = plan_poll({}, watched(), v1_thread(), {"cover"}, {}, 1777600000, "http://h/all");
    std::string query = search_query(first.state, watched(), 0, false, 2);
    EXPECT_EQ(std::count(query.begin(), query.end(), 'N'), 2) << query;
}
