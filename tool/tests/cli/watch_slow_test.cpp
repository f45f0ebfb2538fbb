// `seriesctl watch` against a real public-inbox-httpd on 127.0.0.1, over an
// inbox each test makes and fills: the v1 thread and its reviews, and
// another series touching rga.c.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "http/http_client.h"
#include "support/canned_http_server.h"
#include "support/git_fixture.h"
#include "support/public_inbox.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "support/source_paths.h"

using namespace seriesctl;
using namespace seriesctl::test;

namespace {

const std::string cover_id = "20260429195306.239666-1-ada@example.org";
const std::string list = "linux-media@vger.kernel.org";

std::string patch_mail(int number, const std::string& summary, const std::string& file, const std::string& date) {
    return mail_text({{"From", "Ada Tester <ada@example.org>"},
                      {"To", list},
                      {"Cc", "Nicolas Dufresne <nicolas@ndufresne.ca>"},
                      {"Subject", "[PATCH RFC " + std::to_string(number) + "/3] " + summary},
                      {"Date", date},
                      {"Message-Id", "<20260429195306.239666-" + std::to_string(number + 1) + "-ada@example.org>"},
                      {"In-Reply-To", "<" + cover_id + ">"},
                      {"References", "<" + cover_id + ">"}},
                     "Commit message.\n\nSigned-off-by: Ada Tester <ada@example.org>\n---\n"
                     "diff --git a/" + file + " b/" + file + "\n--- a/" + file + "\n+++ b/" + file +
                     "\n@@ -1,2 +1,3 @@\n a\n+b\n c\n");
}

std::string patch_id(int number) { return "20260429195306.239666-" + std::to_string(number + 1) + "-ada@example.org"; }

// The v1 thread with the replies the old watcher missed, and Sven's series.
std::vector<std::string> archive_mails() {
    const std::string rga = "drivers/media/platform/rockchip/rga/rga.c";
    return {
        mail_text({{"From", "Ada Tester <ada@example.org>"},
                   {"To", list},
                   {"Subject", "[PATCH RFC 0/3] media: videobuf2: opt-in dma_resv producer fences"},
                   {"Date", "Wed, 29 Apr 2026 19:53:06 +0000"},
                   {"Message-Id", "<" + cover_id + ">"}},
                  "Cover letter.\n"),
        patch_mail(1, "media: videobuf2: add dma_resv release fence helper",
                   "drivers/media/common/videobuf2/videobuf2-core.c", "Wed, 29 Apr 2026 19:53:07 +0000"),
        patch_mail(2, "media: hantro: attach release fence at buf_queue",
                   "drivers/media/platform/verisilicon/hantro_drv.c", "Wed, 29 Apr 2026 19:53:08 +0000"),
        patch_mail(3, "media: rockchip: rga: attach release fence at buf_queue", rga, "Wed, 29 Apr 2026 19:53:09 +0000"),
        // Names only the list: the reply the old address filter never saw.
        mail_text({{"From", "Nicolas Dufresne <nicolas@ndufresne.ca>"},
                   {"To", list},
                   {"Subject", "Re: [PATCH RFC 2/3] media: hantro: attach release fence at buf_queue"},
                   {"Date", "Thu, 30 Apr 2026 10:11:12 -0400"},
                   {"Message-Id", "<nicolas-1@ndufresne.ca>"},
                   {"In-Reply-To", "<" + patch_id(2) + ">"},
                   {"References", "<" + cover_id + "> <" + patch_id(2) + ">"}},
                  "On Wed, 29 Apr 2026, Ada Tester wrote:\n> +\tvb2_buffer_attach_release_fence(vb);\n\n"
                  "A fence attached at buf_queue may never signal when OUTPUT is starved.\n"
                  "Attach it in device_run.\n\n-- \nNicolas\n"),
        // A nested reply to that reply.
        mail_text({{"From", "Sima Vetter <simona@ffwll.ch>"},
                   {"To", list},
                   {"Subject", "Re: [PATCH RFC 2/3] media: hantro: attach release fence at buf_queue"},
                   {"Date", "Thu, 30 Apr 2026 18:00:00 +0200"},
                   {"Message-Id", "<sima-1@ffwll.ch>"},
                   {"In-Reply-To", "<nicolas-1@ndufresne.ca>"},
                   {"References", "<" + cover_id + "> <" + patch_id(2) + "> <nicolas-1@ndufresne.ca>"}},
                  "> Attach it in device_run.\n\nAgreed, and annotate with dma_fence_begin_signalling().\n"),
        // An RFC 2047 name, a quoted-printable UTF-8 body, and a Reviewed-by.
        mail_text({{"From", "=?UTF-8?q?Christian_K=C3=B6nig?= <christian.koenig@amd.com>"},
                   {"To", list},
                   {"Subject", "Re: [PATCH RFC 1/3] media: videobuf2: add dma_resv release fence helper"},
                   {"Date", "Thu, 30 Apr 2026 09:00:00 +0200"},
                   {"Message-Id", "<koenig-1@amd.com>"},
                   {"In-Reply-To", "<" + patch_id(1) + ">"},
                   {"References", "<" + cover_id + "> <" + patch_id(1) + ">"},
                   {"MIME-Version", "1.0"},
                   {"Content-Type", "text/plain; charset=UTF-8"},
                   {"Content-Transfer-Encoding", "quoted-printable"}},
                  "Behind a flag for implicit-synced hardware this is fine =E2=80=94 see Sima's primitives.\n\n"
                  "Reviewed-by: Christian K=C3=B6nig <christian.koenig@amd.com>\n"),
        // Another series touching rga.c: the radar's catch.
        mail_text({{"From", "=?UTF-8?q?Sven_P=C3=BCschel?= <s.pueschel@pengutronix.de>"},
                   {"To", list},
                   {"Subject", "[PATCH v5 00/29] media: platform: rga: Add RGA3 support"},
                   {"Date", "Tue, 28 Apr 2026 08:00:00 +0200"},
                   {"Message-Id", "<rga3-v5-0@pengutronix.de>"}},
                  "RGA3 for RK3588.\n"),
        mail_text({{"From", "=?UTF-8?q?Sven_P=C3=BCschel?= <s.pueschel@pengutronix.de>"},
                   {"To", list},
                   {"Subject", "[PATCH v5 01/29] media: rga: move cmdbuf to rga_ctx"},
                   {"Date", "Tue, 28 Apr 2026 08:00:01 +0200"},
                   {"Message-Id", "<rga3-v5-1@pengutronix.de>"},
                   {"In-Reply-To", "<rga3-v5-0@pengutronix.de>"},
                   {"References", "<rga3-v5-0@pengutronix.de>"}},
                  "Move it.\n---\ndiff --git a/" + rga + " b/" + rga + "\n--- a/" + rga + "\n+++ b/" + rga +
                      "\n@@ -1 +1 @@\n-a\n+b\n"),
        // Noise: a patch elsewhere on the list.
        mail_text({{"From", "Someone <someone@example.org>"},
                   {"To", list},
                   {"Subject", "[PATCH] media: vivid: fix a typo"},
                   {"Date", "Thu, 30 Apr 2026 12:00:00 +0000"},
                   {"Message-Id", "<vivid-1@example.org>"}},
                  "---\ndiff --git a/drivers/media/test-drivers/vivid/vivid-core.c "
                  "b/drivers/media/test-drivers/vivid/vivid-core.c\n"),
    };
}

const char* series_yaml = R"(schema: 1
name: vb2-release-fence
title: "media: videobuf2: opt-in dma_resv producer fences"
prefix: PATCH RFC
change-id: 20260428-vb2-release-fence-0123456789ab
from: Ada Tester <ada@example.org>
tree: debian-6.12
versions:
  - version: v1
    state: sent
    patches: kernel/vb2-release-fence/v1
    sent:
      date: 2026-04-29
      cover: 20260429195306.239666-1-ada@example.org
)";

class Watch : public ::testing::Test {
protected:
    Watch() : inbox(dir / "pi") {
        write(project() / "series" / "vb2-release-fence.yaml", series_yaml);
        write(project() / "config" / "lore.yaml",
              util::read_file(std::filesystem::path(test::source_dir()) / "config/lore.yaml"));
    }

    std::filesystem::path project() const { return dir / "checkout"; }
    std::filesystem::path series_file() const { return project() / "series" / "vb2-release-fence.yaml"; }

    // The user's lore.yaml: this archive, quick retries, a short overlap;
    // a radar window wide enough for the fixed dates of the mails.
    void use_archive(const std::string& url) const {
        write(dir / "home" / "config" / "seriesctl" / "lore.yaml",
              "url: " + url + "\nretries: 1\nretry-delay-ms: 50\ntimeouts:\n  connect: 2\n  total: 10\n"
              "overlap: 600\nradar-days: 36500\n");
    }

    proc::ProcessResult watch(std::vector<std::string> args) const {
        args.insert(args.begin(), "watch");
        return run_seriesctl(args, project(), dir / "home");
    }

    nlohmann::json watch_json() const {
        proc::ProcessResult result = watch({"--once", "--json"});
        EXPECT_LE(result.exit_code, 1) << result.err;
        return nlohmann::json::parse(result.out);
    }

    TempDir dir;
    PublicInbox inbox;
};

// The error and that nothing was written: exit 2, the error is the last
// line on stderr (after progress and retry lines), the series file is byte
// for byte as it was.
void expect_clean_failure(const proc::ProcessResult& result, const std::string& expected_start,
                          const std::filesystem::path& file, const std::string& before) {
    EXPECT_EQ(result.exit_code, 2);
    ASSERT_TRUE(result.err.ends_with("\n")) << result.err;
    size_t last_line = result.err.rfind('\n', result.err.size() - 2) + 1;
    EXPECT_TRUE(result.err.substr(last_line).starts_with("seriesctl: " + expected_start)) << result.err;
    EXPECT_EQ(util::read_file(file), before);
}

}  // namespace

TEST_F(Watch, ReportsEveryReplyAndTheRadarOnceThenWhatArrivesLater) {
    inbox.import(archive_mails());
    std::optional<InboxServer> server(std::in_place, inbox);
    use_archive(server->url());

    proc::ProcessResult first = watch({"--once"});
    EXPECT_EQ(first.exit_code, 1) << first.err;
    std::string table = first.out.substr(0, first.out.rfind("watched "));
    EXPECT_EQ(table,
              "new replies (stored as reviews, not yet addressed):\n"
              "SERIES             VERSION  PATCH  REVIEW  FROM                                        DATE        TRAILERS     SAYS\n"
              "vb2-release-fence  v1       1      v1-3    Christian König <christian.koenig@amd.com>  2026-04-30  Reviewed-by  Behind a flag for implicit-synced hardware this is fine — se…\n"
              "vb2-release-fence  v1       2      v1-1    Nicolas Dufresne <nicolas@ndufresne.ca>     2026-04-30               A fence attached at buf_queue may never signal when OUTPUT i…\n"
              "vb2-release-fence  v1       2      v1-2    Sima Vetter <simona@ffwll.ch>               2026-04-30               Agreed, and annotate with dma_fence_begin_signalling().\n"
              "\n"
              "radar: other series touching our files (rebase risk):\n"
              "SUBJECT                                              FROM                                      DATE        TOUCHES                                    LINK\n"
              "[PATCH v5 01/29] media: rga: move cmdbuf to rga_ctx  Sven Püschel <s.pueschel@pengutronix.de>  2026-04-28  drivers/media/platform/rockchip/rga/rga.c  " +
                  server->url() + "/all/rga3-v5-0@pengutronix.de/\n");

    std::string stored = util::read_file(series_file());
    EXPECT_NE(stored.find("      - id: v1-3\n"
                          "        message-id: koenig-1@amd.com\n"
                          "        author: Christian König <christian.koenig@amd.com>\n"
                          "        date: 2026-04-30T07:00:00Z\n"
                          "        patch: 1\n"
                          "        trailers:\n"
                          "          - \"Reviewed-by: Christian König <christian.koenig@amd.com>\"\n"),
              std::string::npos)
        << stored;
    EXPECT_EQ(stored.find("addressed-in"), std::string::npos) << "stored unaddressed";

    // A second poll: nothing new, one small search, the file untouched.
    nlohmann::json second = watch_json();
    EXPECT_EQ(second["new"], false);
    EXPECT_TRUE(second["replies"].empty());
    EXPECT_TRUE(second["radar"].empty());
    EXPECT_EQ(second["requests"], 1);
    EXPECT_LT(second["bytes"].get<int>(), 1000);
    EXPECT_EQ(util::read_file(series_file()), stored);

    // A reply delivered later (a reply to our cover) is the next poll's news.
    inbox.deliver(mail_text({{"From", "Hans Verkuil <hverkuil@xs4all.nl>"},
                             {"To", list},
                             {"Subject", "Re: [PATCH RFC 0/3] media: videobuf2: opt-in dma_resv producer fences"},
                             {"Date", mail_date(5)},
                             {"Message-Id", "<hans-1@xs4all.nl>"},
                             {"In-Reply-To", "<" + cover_id + ">"},
                             {"References", "<" + cover_id + ">"}},
                            "Acked-by: Hans Verkuil <hverkuil@xs4all.nl>\n"));
    int port = server->port();
    server.reset();  // a new server sees the new mail at once
    server.emplace(inbox, port);
    nlohmann::json third = watch_json();
    ASSERT_EQ(third["replies"].size(), 1u) << third.dump(2);
    EXPECT_EQ(third["replies"][0]["message_id"], "hans-1@xs4all.nl");
    EXPECT_EQ(third["replies"][0]["patch"], 0);
    EXPECT_EQ(third["replies"][0]["id"], "v1-4");
    EXPECT_EQ(third["replies"][0]["trailers"], nlohmann::json({"Acked-by: Hans Verkuil <hverkuil@xs4all.nl>"}));
    EXPECT_TRUE(third["radar"].empty());
    EXPECT_EQ(watch({"--once"}).exit_code, 0) << "and then nothing";
}

TEST_F(Watch, ALostCacheCostsARefetchNotDuplicateReviews) {
    inbox.import(archive_mails());
    InboxServer server(inbox);
    use_archive(server.url());
    ASSERT_EQ(watch({"--once"}).exit_code, 1);
    std::string stored = util::read_file(series_file());
    std::filesystem::remove_all(dir / "home" / "cache");

    nlohmann::json again = watch_json();
    EXPECT_TRUE(again["replies"].empty()) << again.dump(2);
    EXPECT_EQ(again["requests"], 2) << "the thread whole, and the search";
    EXPECT_EQ(util::read_file(series_file()), stored);
}

TEST_F(Watch, AServerThatIsDownIsOneLineAndNothingWritten) {
    use_archive("http://127.0.0.1:" + std::to_string(free_port()));
    std::string before = util::read_file(series_file());
    expect_clean_failure(watch({"--once"}), "http://127.0.0.1:", series_file(), before);
    EXPECT_NE(watch({"--once"}).err.find("/t.mbox.gz: Failed to connect to 127.0.0.1 port"), std::string::npos);
}

TEST_F(Watch, ServerErrorsAreRetriedThenOneLine) {
    CannedHttpServer server(CannedHttpServer::response("500 Internal Server Error", "text/html", "<h1>500</h1>"));
    use_archive(server.url());
    std::string before = util::read_file(series_file());
    proc::ProcessResult result = watch({"--once"});
    expect_clean_failure(result, server.url() + "/all/" + cover_id + "/t.mbox.gz: HTTP 500 (gave up after 2 tries)",
                         series_file(), before);
    EXPECT_EQ(server.requests(), 2u);
}

TEST_F(Watch, ATruncatedGzipIsOneLineAndNothingWritten) {
    // A real thread, cut short on the way.
    inbox.import(archive_mails());
    std::string whole;
    {
        InboxServer real(inbox);
        whole = http::HttpClient({}).get(real.url() + "/all/" + cover_id + "/t.mbox.gz").body;
    }
    ASSERT_GT(whole.size(), 200u);
    std::string cut = whole.substr(0, whole.size() / 2);
    CannedHttpServer server(CannedHttpServer::response("200 OK", "application/gzip", cut));
    use_archive(server.url());
    std::string before = util::read_file(series_file());
    expect_clean_failure(watch({"--once"}),
                         server.url() + "/all/" + cover_id + "/t.mbox.gz: the gzip stream is truncated (" +
                             std::to_string(cut.size()) + " bytes received)",
                         series_file(), before);
}

TEST_F(Watch, AMalformedMessageIsOneLineAndNothingWritten) {
    std::vector<std::string> mails = archive_mails();
    mails.push_back(mail_text({{"From", "Broken Client <broken@example.org>"},
                               {"To", list},
                               {"Subject", "Re: [PATCH RFC 3/3] media: rockchip: rga: attach release fence"},
                               {"Date", "Fri, 01 May 2026 08:00:00 +0000"},
                               {"Message-Id", "<broken-1@example.org>"},
                               {"In-Reply-To", "<" + patch_id(3) + ">"},
                               {"References", "<" + cover_id + ">"},
                               {"Content-Transfer-Encoding", "base64"}},
                              "this is %% not base64 at all\n"));
    inbox.import(mails);
    InboxServer server(inbox);
    use_archive(server.url());
    std::string before = util::read_file(series_file());
    proc::ProcessResult result = watch({"--once"});
    expect_clean_failure(result, server.url() + "/all/" + cover_id + "/t.mbox.gz: message ", series_file(), before);
    EXPECT_NE(result.err.find(": message <broken-1@example.org>: a base64 body that is not base64\n"), std::string::npos)
        << result.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "home" / "cache" / "seriesctl" / "watch"));
}

TEST_F(Watch, TheLongRunningModeSurvivesAServerThatIsNotUpYet) {
    inbox.import(archive_mails());
    int port = free_port();
    use_archive("http://127.0.0.1:" + std::to_string(port));
    proc::Subprocess watcher(
        seriesctl_command({"watch", "--interval", "3", "--max-polls", "2"}, project(), dir / "home"),
        proc::Subprocess::Stdin::closed);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // poll 1 fails meanwhile
    InboxServer server(inbox, port);
    proc::ProcessResult result = watcher.wait();
    EXPECT_EQ(result.exit_code, 1) << "poll 2 found the replies";
    EXPECT_NE(result.err.find("seriesctl: watch: poll 1 failed: http://127.0.0.1:" + std::to_string(port)),
              std::string::npos)
        << result.err;
    EXPECT_EQ(result.out.find("poll 1 at"), std::string::npos);
    EXPECT_NE(result.out.find("poll 2 at"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Christian König <christian.koenig@amd.com>"), std::string::npos) << result.out;
}
