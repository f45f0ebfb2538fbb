#include <gtest/gtest.h>

#include "support/public_inbox.h"
#include "support/rebase_fixture.h"
#include "support/temp_dir.h"
#include "tree/series_tree.h"

using namespace seriesctl;
using namespace seriesctl::tree;
using namespace seriesctl::test;

namespace {

std::string line_of(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string store_git(const RebaseFixture& fixture, const std::vector<std::string>& args) {
    proc::Command command{{"git", "--git-dir=" + fixture.store().string()}, {}, git_test_env()};
    command.argv.insert(command.argv.end(), args.begin(), args.end());
    return line_of(run_ok(command));
}

void add_user_trees(const RebaseFixture& fixture, const std::string& yaml) {
    write(fixture.home() / "config" / "seriesctl" / "trees.yaml", "trees:\n" + yaml);
}

}  // namespace

TEST(TreeSync, FetchesATreeServedByGitDaemon) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    GitDaemon daemon(dir.path());
    add_user_trees(fixture, "  served:\n    kind: remote\n    url: " + daemon.url("upstream") + "\n    branch: offset\n");

    proc::ProcessResult sync = run_seriesctl({"tree", "sync", "served"}, fixture.project(), fixture.home());
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
    EXPECT_EQ(sync.out, "served: new -> " + fixture.tip("offset").substr(0, 12) + "\n");
    EXPECT_NE(sync.err.find("served: fetching "), std::string::npos) << "progress while fetching";
    EXPECT_EQ(store_git(fixture, {"rev-parse", "refs/trees/served"}), fixture.tip("offset"));
}

// Smart HTTP, as kernel.org serves its trees: a second fetch brings only
// what the remote gained, and says so.
TEST(TreeSync, FetchesATreeServedByGitHttpBackend) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    GitHttpServer server(dir.path());
    add_user_trees(fixture, "  served:\n    kind: remote\n    url: " + server.url("upstream") + "\n    branch: offset\n");

    proc::ProcessResult first = run_seriesctl({"tree", "sync", "served"}, fixture.project(), fixture.home());
    ASSERT_EQ(first.exit_code, 0) << first.err;
    std::string before = fixture.tip("offset");
    EXPECT_EQ(first.out, "served: new -> " + before.substr(0, 12) + "\n");
    EXPECT_EQ(store_git(fixture, {"rev-parse", "refs/trees/served"}), before);

    fixture.upstream().git({"checkout", "-q", "offset"});
    fixture.upstream().write("moved.txt", "the remote moved on\n");
    fixture.upstream().commit("upstream: move on");
    std::string after = fixture.tip("offset");
    ASSERT_NE(after, before);
    proc::ProcessResult second = run_seriesctl({"tree", "sync", "served"}, fixture.project(), fixture.home());
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(second.out, "served: " + before.substr(0, 12) + " -> " + after.substr(0, 12) + "\n");
    EXPECT_EQ(store_git(fixture, {"rev-parse", "refs/trees/served"}), after);
}

TEST(TreeSync, RefusesABranchTheRemoteDoesNotHave) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    add_user_trees(fixture, "  gone:\n    kind: remote\n    url: file://" + fixture.upstream().dir().string() +
                                "\n    branch: no-such-branch\n");
    proc::ProcessResult sync = run_seriesctl({"tree", "sync", "gone"}, fixture.project(), fixture.home());
    EXPECT_EQ(sync.exit_code, 2);
    EXPECT_EQ(sync.err, "seriesctl: file://" + fixture.upstream().dir().string() + " has no refs/heads/no-such-branch\n");
}

namespace {
git::Library libgit2;  // for series_tree_base() in this process
}  // namespace

// rga3 = a base tree plus someone else's series from lore: the series is
// served by a real public-inbox-httpd and fetched with b4.
TEST(TreeSync, BuildsASeriesTreeFromLoreWithB4) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    std::string cover;
    PublicInbox inbox(dir.path() / "inbox");
    inbox.import(fixture.rewrite_series_mails(&cover));
    InboxServer server(inbox);
    write(fixture.project() / "config" / "lore.yaml", "url: " + server.url() + "\ninbox: all\n");
    add_user_trees(fixture, "  rga3:\n    kind: series\n    base: clean\n    apply:\n      - " + cover + "\n");

    proc::ProcessResult sync = run_seriesctl({"tree", "sync", "--all"}, fixture.project(), fixture.home());
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
    EXPECT_NE(sync.out.find("\nrga3: new -> "), std::string::npos) << sync.out;
    EXPECT_EQ(store_git(fixture, {"rev-parse", "refs/trees/rga3^{tree}"}),
              line_of(fixture.upstream().git({"rev-parse", "rewrite^{tree}"})))
        << "the series applied on its base gives the tree its author had";

    SeriesTreeBase base = series_tree_base(TreeStore(fixture.home() / "cache" / "seriesctl"), "rga3");
    EXPECT_EQ(base.base_commit, fixture.tip("clean"));
    std::string shown = fixture.upstream().git({"show", "rewrite"});
    proc::Command patch_id{{"git", "patch-id", "--stable"}, fixture.upstream().dir(), git_test_env()};
    ASSERT_EQ(base.prerequisite_patch_ids.size(), 1u);
    EXPECT_EQ(base.prerequisite_patch_ids[0], line_of(run_ok(patch_id, shown)).substr(0, 40));

    proc::ProcessResult check =
        run_seriesctl({"rebase", "--check", "--onto", "rga3"}, fixture.project(), fixture.home());
    EXPECT_EQ(check.exit_code, 1);
    EXPECT_NE(check.out.find("rga3 2/2 drivers/media/platform/rockchip/rga/rga.c: conflict\n"), std::string::npos)
        << check.out;

    proc::ProcessResult rebase = run_seriesctl({"rebase", "--onto", "rga3"}, fixture.project(), fixture.home());
    EXPECT_EQ(rebase.exit_code, 1);
    EXPECT_NE(rebase.out.find("rga3 carries unmerged series; a cover letter declares:\n  base-commit: " +
                              fixture.tip("clean") + "\n  prerequisite-patch-id: " + base.prerequisite_patch_ids[0] +
                              "\n"),
              std::string::npos)
        << rebase.out;
}
