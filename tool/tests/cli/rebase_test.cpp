#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "git/diff_parser.h"
#include "repo/project.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "series/gate.h"
#include "support/rebase_fixture.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::test;

namespace {

proc::ProcessResult run(const RebaseFixture& fixture, const std::vector<std::string>& args) {
    return run_seriesctl(args, fixture.project(), fixture.home());
}

std::string short_tip(const RebaseFixture& fixture, const std::string& tree) { return fixture.tip(tree).substr(0, 12); }

std::string store_git(const RebaseFixture& fixture, const std::vector<std::string>& args) {
    proc::Command command{{"git", "--git-dir=" + fixture.store().string()}, {}, git_test_env()};
    command.argv.insert(command.argv.end(), args.begin(), args.end());
    return run_ok(command);
}

// Every tree synced, as `tree sync --all` leaves them.
void sync_all(const RebaseFixture& fixture) {
    proc::ProcessResult sync = run(fixture, {"tree", "sync", "--all"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
}

}  // namespace

TEST(RebaseCli, SyncsTreesFromFileRemotesIntoOneStore) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    proc::ProcessResult sync = run(fixture, {"tree", "sync", "--all"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
    EXPECT_EQ(sync.out, "clean: new -> " + short_tip(fixture, "clean") + "\nfuzz: new -> " + short_tip(fixture, "fuzz") +
                            "\nnearby: new -> " + short_tip(fixture, "nearby") + "\noffset: new -> " +
                            short_tip(fixture, "offset") + "\nrewrite: new -> " + short_tip(fixture, "rewrite") + "\n");
    EXPECT_EQ(store_git(fixture, {"rev-parse", "refs/trees/offset"}), fixture.tip("offset") + "\n");

    proc::ProcessResult again = run(fixture, {"tree", "sync", "offset"});
    EXPECT_EQ(again.out, "offset: up to date at " + short_tip(fixture, "offset") + "\n");
}

TEST(RebaseCli, AnUnreachableRemoteIsOneLineAndChangesNothing) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    sync_all(fixture);
    write(fixture.home() / "config" / "seriesctl" / "trees.yaml",
          "trees:\n  offset:\n    kind: remote\n    url: file:///nonexistent/linux.git\n    branch: next\n");
    proc::ProcessResult sync = run(fixture, {"tree", "sync", "offset"});
    EXPECT_EQ(sync.exit_code, 2);
    EXPECT_EQ(std::count(sync.err.begin(), sync.err.end(), '\n'), 1) << sync.err;
    EXPECT_EQ(sync.err.rfind("seriesctl: cannot fetch refs/heads/next from file:///nonexistent/linux.git: ", 0), 0u)
        << sync.err;
    EXPECT_EQ(store_git(fixture, {"rev-parse", "refs/trees/offset"}), fixture.tip("offset") + "\n");
}

TEST(RebaseCli, CheckReportsEveryTreeAndWritesNothing) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    sync_all(fixture);
    std::string before = util::read_file(fixture.v2()[1]);

    proc::ProcessResult check = run(fixture, {"rebase", "--check"});
    EXPECT_EQ(check.exit_code, 1) << "a conflict is a finding\n" << check.err;
    EXPECT_EQ(check.out,
              "demo v2 on 5 trees\n"
              "TREE     TIP           1/2       2/2\n"
              "clean    " + short_tip(fixture, "clean") + "  clean     clean\n"
              "fuzz     " + short_tip(fixture, "fuzz") + "  clean     fuzz 1\n"
              "nearby   " + short_tip(fixture, "nearby") + "  clean     3-way\n"
              "offset   " + short_tip(fixture, "offset") + "  offset 2  offset 4\n"
              "rewrite  " + short_tip(fixture, "rewrite") + "  clean     conflict\n"
              "\n"
              "1/2 media: videobuf2: add a release-fence helper\n"
              "2/2 media: rockchip: rga: publish release fences\n"
              "\n"
              "fuzz 2/2 drivers/media/platform/rockchip/rga/rga.c: fuzz\n"
              "  @@ -18,15 +18,17 @@ static void device_run(void *prv)\n"
              "    fuzz 1, offset 0 (at line 19)\n"
              "nearby 2/2 drivers/media/platform/rockchip/rga/rga.c: 3-way\n"
              "  @@ -18,15 +18,17 @@ static void device_run(void *prv)\n"
              "    3-way merged\n"
              "offset 1/2 drivers/media/common/videobuf2/videobuf2-core.c: offset\n"
              "  @@ -18,6 +18,12 @@ void vb2_buffer_done(struct vb2_buffer *vb, enum vb2_buffer_state state)\n"
              "    offset 2 (at line 20)\n"
              "offset 2/2 drivers/media/platform/rockchip/rga/rga.c: offset\n"
              "  @@ -18,15 +18,17 @@ static void device_run(void *prv)\n"
              "    offset 4 (at line 22)\n"
              "rewrite 2/2 drivers/media/platform/rockchip/rga/rga.c: conflict\n"
              "  @@ -18,15 +18,17 @@ static void device_run(void *prv)\n"
              "    conflict; closest match at line 19\n"
              "    line 19: expected '\tstruct vb2_v4l2_buffer *src, *dst;'\n"
              "                found ''\n"
              "    line 20: expected '\tunsigned long flags;'\n"
              "                found '\tsrc = rga_next_src(ctx);'\n"
              "    line 21: expected ''\n"
              "                found '\tdst = rga_next_dst(ctx);'\n"
              "    line 22: expected '\tspin_lock_irqsave(&rga->ctrl_lock, flags);'\n"
              "                found ''\n"
              "    line 23: expected ''\n"
              "                found '\tguard(spinlock_irqsave)(&rga->ctrl_lock);'\n"
              "    line 25: expected ''\n"
              "                found '\tsrc->vb.sequence = ctx->osequence++;'\n"
              "    … 7 more lines differ\n");
    EXPECT_EQ(util::read_file(fixture.v2()[1]), before);
}

namespace {

// Evidence taken on v2 as it is now: checkpatch bound to the text, a build
// bound to the code and the base.
void record_gates(const RebaseFixture& fixture) {
    repo::Project project(fixture.project());
    repo::update_series_file(project.series_file("demo"), [&](series::Series& series) {
        series::Version& v2 = series.version("v2");
        series::CurrentContent now =
            repo::current_content(project, series, repo::load_version_patches(project, v2), fixture.tip("clean"));
        for (auto [name, binding] :
             {std::pair{"checkpatch", series::Binding::content}, std::pair{"build", series::Binding::code}}) {
            series::Evidence evidence;
            evidence.verdict = series::Verdict::passed;
            evidence.binding = binding;
            evidence.date = "2026-05-02T10:00:00Z";
            evidence.tree = "clean";
            evidence.commit = now.base;
            evidence.taken_on = now.patches;
            v2.gates[name] = evidence;
        }
    });
}

std::vector<series::GateStatus> gates_now(const RebaseFixture& fixture) {
    repo::Project project(fixture.project());
    series::Series series = repo::load_series_file(project.series_file("demo"));
    const series::Version& v2 = series.version("v2");
    // What the version is checked on now: its tree's tip, as synced.
    return series::gate_statuses(series, v2,
                         repo::current_content(project, series, repo::load_version_patches(project, v2),
                                         fixture.tip(series.tree_of(v2))));
}

}  // namespace

TEST(RebaseCli, OntoATreeWritesWhatFormatPatchGivesAndRecordsTheBase) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    sync_all(fixture);
    record_gates(fixture);
    std::vector<patch::PatchFile> before;
    for (const auto& file : fixture.v2()) before.push_back(git::read_patch(util::read_file(file), file.string()));

    proc::ProcessResult rebase = run(fixture, {"rebase", "--onto", "offset"});
    ASSERT_EQ(rebase.exit_code, 0) << rebase.err;
    std::string tip = store_git(fixture, {"rev-parse", "refs/seriesctl/demo/v2"});
    tip.pop_back();
    EXPECT_EQ(rebase.out, "v2 on offset (" + short_tip(fixture, "offset") +
                              "): applies\n"
                              "PATCH  SUBJECT                                       RESULT\n"
                              "1/2    media: videobuf2: add a release-fence helper  offset 2\n"
                              "2/2    media: rockchip: rga: publish release fences  offset 4\n"
                              "\n"
                              "1/2 drivers/media/common/videobuf2/videobuf2-core.c: offset\n"
                              "  @@ -18,6 +18,12 @@ void vb2_buffer_done(struct vb2_buffer *vb, enum vb2_buffer_state state)\n"
                              "    offset 2 (at line 20)\n"
                              "2/2 drivers/media/platform/rockchip/rga/rga.c: offset\n"
                              "  @@ -18,15 +18,17 @@ static void device_run(void *prv)\n"
                              "    offset 4 (at line 22)\n"
                              "wrote 2 patches of v2 (commits up to " +
                              tip.substr(0, 12) + "); base is now offset @ " + short_tip(fixture, "offset") + "\n");

    // What `git format-patch` gives for the same commits, byte for byte.
    TempDir expected;
    proc::Command format{
        {"git", "--git-dir=" + fixture.store().string(), "format-patch", "-q", "-o", expected.path().string(),
         "--subject-prefix=PATCH RFC v2", "--numbered", "--notes", "--signature=" + before[0].signature, "--abbrev=7",
         fixture.tip("offset") + ".." + tip},
        {},
        {{"GIT_CONFIG_NOSYSTEM", "1"}, {"GIT_CONFIG_GLOBAL", "/dev/null"}, {"GIT_NOTES_REF", "refs/notes/commits"}}};
    run_ok(format);
    std::vector<std::filesystem::path> formatted;
    for (const auto& entry : std::filesystem::directory_iterator(expected.path())) formatted.push_back(entry.path());
    std::sort(formatted.begin(), formatted.end());
    ASSERT_EQ(formatted.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
        std::string written = util::read_file(fixture.v2()[i]);
        EXPECT_EQ(written, util::read_file(formatted[i]));
        patch::PatchFile after = git::read_patch(written, "after");
        EXPECT_EQ(after.headers.size(), before[i].headers.size());
        EXPECT_EQ(after.subject, before[i].subject);
        EXPECT_EQ(after.date, before[i].date);
        EXPECT_EQ(after.message, before[i].message);
        EXPECT_EQ(after.notes, before[i].notes) << "the changelog below --- is kept";
        EXPECT_NE(after.diff, before[i].diff);
    }
    EXPECT_NE(util::read_file(fixture.v2()[1]).find("@@ -22,15 +22,17 @@ static void device_run(void *prv)"),
              std::string::npos);

    series::Series series = repo::load_series_file(repo::Project(fixture.project()).series_file("demo"));
    EXPECT_EQ(series.version("v2").base.tree, "offset");
    EXPECT_EQ(series.version("v2").base.commit, fixture.tip("offset"));
    auto gates = gates_now(fixture);
    ASSERT_EQ(gates.size(), 2u);
    for (const auto& gate : gates) EXPECT_EQ(gate.state, series::GateState::stale) << gate.name;
    EXPECT_EQ(gates[1].name, "checkpatch");
    EXPECT_EQ(gates[1].why.rfind("patch 1 changed", 0), 0u) << gates[1].why;
    EXPECT_EQ(gates[0].name, "build");
    EXPECT_EQ(gates[0].why, "taken on clean @ " + fixture.tip("clean").substr(0, 12) + ", now on " +
                                short_tip(fixture, "offset"))
        << "an offset keeps the patch-ids; the base moved";
}

TEST(RebaseCli, AThreeWayRebaseWritesPatchesThatGitAmTakes) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    sync_all(fixture);
    proc::ProcessResult rebase = run(fixture, {"rebase", "--onto", "nearby"});
    ASSERT_EQ(rebase.exit_code, 0) << rebase.out << rebase.err;

    GitRepo clone(dir.path() / "clone");
    clone.git({"fetch", "-q", fixture.upstream().dir().string(), "nearby"});
    clone.git({"checkout", "-q", "FETCH_HEAD"});
    std::vector<std::string> am = {"am", "-q"};
    for (const auto& file : fixture.v2()) am.push_back(file.string());
    clone.git(am);
    std::string merged = util::read_file(clone.dir() / "drivers/media/platform/rockchip/rga/rga.c");
    EXPECT_NE(merged.find("\trga->curr = ctx; /* for rga_isr() */\n"), std::string::npos);
    EXPECT_NE(merged.find("\tvb2_buffer_attach_release_fence(&dst->vb2_buf);\n"), std::string::npos);
}

TEST(RebaseCli, AConflictWritesNothing) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    sync_all(fixture);
    auto series_file = fixture.project() / "series" / "demo.yaml";
    std::string yaml = util::read_file(series_file);
    std::string patch = util::read_file(fixture.v2()[1]);

    proc::ProcessResult rebase = run(fixture, {"--json", "rebase", "--onto", "rewrite"});
    EXPECT_EQ(rebase.exit_code, 1) << rebase.err;
    auto out = nlohmann::json::parse(rebase.out);
    EXPECT_EQ(out["applies"], false);
    EXPECT_EQ(out["written"].size(), 0u);
    const auto& hunk = out["patches"][1]["files"][0]["hunks"][0];
    EXPECT_EQ(hunk["outcome"], "conflict");
    EXPECT_EQ(hunk["header"], "@@ -18,15 +18,17 @@ static void device_run(void *prv)");
    EXPECT_EQ(hunk["mismatches"][1]["expected"], "\tunsigned long flags;");
    EXPECT_EQ(util::read_file(series_file), yaml);
    EXPECT_EQ(util::read_file(fixture.v2()[1]), patch);
}

TEST(RebaseCli, ASentVersionKeepsItsFiles) {
    TempDir dir;
    RebaseFixture fixture(dir.path());
    sync_all(fixture);
    proc::ProcessResult rebase = run(fixture, {"rebase", "--v1", "--onto", "offset"});
    EXPECT_EQ(rebase.exit_code, 2);
    EXPECT_EQ(rebase.err, "seriesctl: v1 is sent: its files are what was mailed; rebase a draft version instead\n");
}
