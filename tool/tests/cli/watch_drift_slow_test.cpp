// The drift alarm of `seriesctl watch` on real trees: the series' target is
// a remote served by `git daemon` or by `git http-backend` on 127.0.0.1,
// moved on by commits between polls: nothing, then an offset, then a
// conflict in rga.c's device_run. Lore is a real public-inbox-httpd.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/public_inbox.h"
#include "support/rebase_fixture.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::test;

namespace {

enum class Protocol { git_daemon, smart_http };

std::string short_id(const std::string& commit) { return commit.substr(0, 12); }

size_t count(const std::string& text, const std::string& what) {
    size_t found = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
}

// The rewrite lands upstream under its own author, not the series' one.
void cherry_pick_by_sven(const GitRepo& up) {
    up.git({"cherry-pick", "rewrite"});
    up.git({"commit", "-q", "--amend", "--no-edit", "--author=Sven Tester <sven@example.org>"});
}

class WatchDrift : public ::testing::TestWithParam<Protocol> {
protected:
    void SetUp() override {
        const GitRepo& up = fixture_.upstream();
        up.git({"branch", "drifting", "clean"});
        if (GetParam() == Protocol::git_daemon)
            daemon_.emplace(dir_.path());
        else
            http_.emplace(dir_.path());
        std::string url = daemon_ ? daemon_->url("upstream") : http_->url("upstream");
        // "drifting" is synced on every poll; "lagging" is the same branch
        // with the default sync-age of 6 hours: synced once, then left.
        write(fixture_.home() / "config" / "seriesctl" / "trees.yaml",
              "trees:\n  drifting:\n    kind: remote\n    url: " + url +
                  "\n    branch: drifting\n    sync-age: 0\n  lagging:\n    kind: "
                  "remote\n    url: " +
                  url + "\n    branch: drifting\n");
        std::filesystem::path series = fixture_.project() / "series" / "demo.yaml";
        std::string text = util::read_file(series);
        text.replace(text.find("tree: clean\n"), 12, "tree: clean\ntargets:\n  - drifting\n  - lagging\n");
        write(series, text);

        inbox_.import({mail_text({{"From", "Ada Tester <ada@example.org>"},
                                  {"To", "linux-media@vger.kernel.org"},
                                  {"Subject", "[PATCH RFC 0/2] demo: release fences"},
                                  {"Date", mail_date(3600)},
                                  {"Message-Id", "<v1-cover@example.org>"}},
                                 "Cover letter.\n")});
        server_.emplace(inbox_);
        write(fixture_.project() / "config" / "lore.yaml", "url: " + server_->url() + "\ninbox: all\n");
    }

    proc::ProcessResult watch(const std::vector<std::string>& more = {}) {
        std::vector<std::string> args{"watch", "--once"};
        args.insert(args.end(), more.begin(), more.end());
        return run_seriesctl(args, fixture_.project(), fixture_.home());
    }

    // Moves the remote branch on by one commit.
    std::string move_on(const std::function<void(const GitRepo&)>& change) {
        const GitRepo& up = fixture_.upstream();
        up.git({"checkout", "-q", "drifting"});
        change(up);
        std::string tip = fixture_.tip("drifting");
        up.git({"checkout", "-q", "clean"});
        return tip;
    }

    TempDir dir_;
    RebaseFixture fixture_{dir_.path()};
    std::optional<GitDaemon> daemon_;
    std::optional<GitHttpServer> http_;
    PublicInbox inbox_{dir_.path() / "inbox"};
    std::optional<InboxServer> server_;
};

}  // namespace

TEST_P(WatchDrift, ReportsEachChangeOnceWithTheCommitThatMadeIt) {
    const std::string rga = "drivers/media/platform/rockchip/rga/rga.c";
    std::string start = fixture_.tip("clean");

    proc::ProcessResult first = watch();
    ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
    EXPECT_EQ(first.out.find("drift"), std::string::npos) << "a clean baseline is not news:\n" << first.out;
    EXPECT_NE(first.out.find("nothing new\n"), std::string::npos) << first.out;

    // Nothing: the remote moves, but not under the series.
    std::string unrelated = move_on([](const GitRepo& up) {
        up.write("Documentation/moved.txt", "the remote moved on\n");
        up.commit("docs: note a move");
    });
    proc::ProcessResult nothing = watch();
    ASSERT_EQ(nothing.exit_code, 0) << nothing.out << nothing.err;
    EXPECT_NE(nothing.out.find("nothing new\n"), std::string::npos) << nothing.out;

    // An offset: lines added above every hunk.
    std::string offset = move_on([](const GitRepo& up) { up.git({"cherry-pick", "offset"}); });
    proc::ProcessResult moved = watch();
    EXPECT_EQ(moved.exit_code, 1) << moved.out << moved.err;
    EXPECT_NE(moved.out.find("note demo v1 on drifting " + short_id(offset) +
                             ": applies, but not cleanly (was clean at " + short_id(unrelated) +
                             "): patch 1/2 \"media: videobuf2: add a release-fence helper\", "
                             "drivers/media/common/videobuf2/videobuf2-core.c at @@ "),
              std::string::npos)
        << moved.out;
    EXPECT_NE(moved.out.find("  first at " + short_id(offset) + " (\"media: more includes\""), std::string::npos)
        << moved.out;
    EXPECT_EQ(count(moved.out, "on lagging"), 0u) << "lagging is not synced again within 6 hours:\n" << moved.out;

    proc::ProcessResult again = watch();
    EXPECT_EQ(again.exit_code, 0) << "said once:\n" << again.out << again.err;
    EXPECT_EQ(again.out.find("drifting"), std::string::npos) << again.out;

    // A conflict: a second series restructured device_run(); then a docs
    // commit and one that touches the series' files harmlessly, so the walk
    // has to leave one out and choose between the others.
    std::string rewrite = move_on(cherry_pick_by_sven);
    move_on([](const GitRepo& up) {
        up.write("Documentation/moved.txt", "and on\n");
        up.commit("docs: note another move");
    });
    std::string later = move_on([](const GitRepo& up) {
        std::string vb2 = up.git({"show", "HEAD:drivers/media/common/videobuf2/videobuf2-core.c"});
        up.write("drivers/media/common/videobuf2/videobuf2-core.c", vb2 + "/* end of the core */\n");
        up.commit("media: videobuf2: mark the end");
    });
    proc::ProcessResult conflict = watch({"--json"});
    EXPECT_EQ(conflict.exit_code, 1) << conflict.out << conflict.err;
    nlohmann::json report = nlohmann::json::parse(conflict.out);
    ASSERT_EQ(report["drift"].size(), 1u) << conflict.out;
    const nlohmann::json& alarm = report["drift"][0];
    EXPECT_EQ(alarm["tree"], "drifting");
    EXPECT_EQ(alarm["commit"], later);
    EXPECT_EQ(alarm["standing"], "conflict");
    EXPECT_EQ(alarm["before"]["standing"], "moved");
    EXPECT_EQ(alarm["before"]["commit"], offset);
    EXPECT_EQ(alarm["patch"], 2);
    EXPECT_EQ(alarm["file"], rga);
    EXPECT_NE(alarm["hunk"].get<std::string>().find("device_run"), std::string::npos) << alarm.dump();
    EXPECT_EQ(alarm["first"]["commit"], rewrite) << "the upstream commit that changed those lines";
    EXPECT_EQ(alarm["first"]["subject"], "media: rockchip: rga: move the hw start behind rga_hw ops");
    EXPECT_EQ(alarm["first"]["author"], "Sven Tester <sven@example.org>");
    EXPECT_EQ(alarm["touching"], 2) << "the rewrite and the vb2 commit touch the series' files, the docs one not";

    proc::ProcessResult quiet = watch();
    EXPECT_EQ(quiet.exit_code, 0) << "said once:\n" << quiet.out << quiet.err;
    EXPECT_EQ(quiet.out.find("ALARM"), std::string::npos) << quiet.out;

    // status shows each target's last check.
    proc::ProcessResult status = run_seriesctl({"status", "--json"}, fixture_.project(), fixture_.home());
    ASSERT_EQ(status.exit_code, 0) << status.err;
    nlohmann::json targets = nlohmann::json::parse(status.out)["targets"];
    ASSERT_EQ(targets.size(), 2u) << status.out;
    EXPECT_EQ(targets[0]["tree"], "drifting");
    EXPECT_EQ(targets[0]["commit"], later);
    EXPECT_EQ(targets[0]["standing"], "conflict");
    EXPECT_EQ(targets[1]["tree"], "lagging");
    EXPECT_EQ(targets[1]["commit"], start) << "synced at the first poll only";
    EXPECT_EQ(targets[1]["standing"], "clean");
}

TEST_P(WatchDrift, TextNamesTheConflictAndTheUpstreamCommit) {
    proc::ProcessResult first = watch();
    ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
    std::string rewrite = move_on(cherry_pick_by_sven);
    proc::ProcessResult conflict = watch();
    EXPECT_EQ(conflict.exit_code, 1) << conflict.out << conflict.err;
    EXPECT_NE(conflict.out.find("ALARM demo v1 on drifting " + short_id(rewrite) +
                                ": no longer applies (was clean at " + short_id(fixture_.tip("clean")) +
                                "): patch 2/2 \"media: rockchip: rga: publish "
                                "release fences\", drivers/media/platform/rockchip/rga/rga.c at @@ "),
              std::string::npos)
        << conflict.out;
    EXPECT_NE(conflict.out.find("device_run(void *prv): conflict\n  first at upstream commit " + short_id(rewrite) +
                                " (\"media: rockchip: rga: move the hw start behind rga_hw "
                                "ops\", Sven Tester "
                                "<sven@example.org>, "),
              std::string::npos)
        << conflict.out;
}

TEST_P(WatchDrift, ARewrittenHistoryIsSaidWithoutNamingACommit) {
    std::string checked = move_on([](const GitRepo& up) {
        up.write("Documentation/moved.txt", "soon rewritten\n");
        up.commit("docs: a commit the next rebuild drops");
    });
    proc::ProcessResult first = watch();
    ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
    // Rebuilt like linux-next: the branch starts again from clean.
    const GitRepo& up = fixture_.upstream();
    up.git({"branch", "-f", "drifting", "clean"});
    move_on(cherry_pick_by_sven);
    proc::ProcessResult conflict = watch();
    EXPECT_EQ(conflict.exit_code, 1) << conflict.out << conflict.err;
    EXPECT_NE(conflict.out.find("no longer applies (was clean at " + short_id(checked) + ")"), std::string::npos)
        << conflict.out;
    EXPECT_NE(conflict.out.find("  the tree's history was rewritten since " + short_id(checked) +
                                ": no upstream commit named\n"),
              std::string::npos)
        << conflict.out;
    EXPECT_EQ(conflict.out.find("first at"), std::string::npos) << conflict.out;
}

INSTANTIATE_TEST_SUITE_P(Protocols, WatchDrift, ::testing::Values(Protocol::git_daemon, Protocol::smart_http),
                         [](const auto& info) {
                             return info.param == Protocol::git_daemon ? "GitDaemon" : "SmartHttp";
                         });
