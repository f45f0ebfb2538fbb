// Debian's linux-source-6.12 moves with security updates (6.12.117, then
// 6.12.118 within two weeks). Here the next one is made from today's
// tarball (one file changed upstream, the Makefile one release on),
// imported as the same tree, and the main job's verbs run through it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/git_fixture.h"
#include "support/kernel_cache.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;
namespace fs = std::filesystem;

namespace {

const std::string rga_c = "drivers/media/platform/rockchip/rga/rga.c";

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// Today's tarball with the Makefile at `sublevel` and two lines added at
// the top of rga.c, as an uncompressed tar (libarchive reads any).
fs::path next_tarball(const fs::path& dir, const fs::path& store, const std::string& tip, int sublevel) {
    fs::path tarball = dir / "linux-source-6.12-next.tar";
    test::run_ok(proc::Command{{"sh", "-c", "xz -dc /usr/src/linux-source-6.12.tar.xz > '" + tarball.string() + "'"}});
    fs::path stage = dir / "next" / "linux-source-6.12";
    auto from_store = [&](const std::string& path) {
        return test::run_ok(proc::Command{{"git", "--git-dir=" + store.string(), "show", tip + ":" + path}});
    };
    std::string makefile = from_store("Makefile");
    size_t at = makefile.find("SUBLEVEL = ");
    makefile.replace(at, makefile.find('\n', at) - at, "SUBLEVEL = " + std::to_string(sublevel));
    test::write(stage / "Makefile", makefile);
    std::string rga = from_store(rga_c);
    rga.insert(rga.find('\n') + 1, "/* Two lines a stable update added above device_run(). */\n\n");
    test::write(stage / rga_c, rga);
    test::run_ok(proc::Command{{"tar", "--delete", "-f", tarball.string(), "linux-source-6.12/Makefile",
                          "linux-source-6.12/" + rga_c}});
    test::run_ok(proc::Command{{"tar", "-rf", tarball.string(), "-C", (dir / "next").string(),
                                "linux-source-6.12/Makefile", "linux-source-6.12/" + rga_c}});
    return tarball;
}

nlohmann::json gates_of(const proc::ProcessResult& status) {
    nlohmann::json report = nlohmann::json::parse(status.out);  // alive for the loop
    nlohmann::json by_name;
    for (const auto& gate : report["gates"]) by_name[gate["name"].get<std::string>()] = gate;
    return by_name;
}

}  // namespace

TEST(MovedTree, CheckBuildStatusAndRebaseWorkOnTheNewTipAndSaySo) {
    test::TempDir dir;
    fs::path root = test::copy_project(dir / "project");
    fs::path home = dir / "home";
    test::borrow_kernel_cache(home, test::WorkTrees::copied);
    fs::path store = home / "cache" / "seriesctl" / "store.git";
    auto seriesctl = [&](const std::vector<std::string>& args) { return test::run_seriesctl(args, root, home); };

    // v2 based on today's tree, whatever release that is on this machine.
    proc::ProcessResult onto_today = seriesctl({"--json", "rebase", "--v2", "--onto", "debian-6.12"});
    ASSERT_EQ(onto_today.exit_code, 0) << onto_today.out << onto_today.err;
    std::string today = nlohmann::json::parse(onto_today.out)["base"]["upstream"];
    ASSERT_EQ(today.rfind("v6.12.", 0), 0u) << today;
    int sublevel = std::stoi(today.substr(6));
    std::string next = "v6.12." + std::to_string(sublevel + 1);
    std::string old_tip = first_line(test::run_ok(proc::Command{{"git", "--git-dir=" + store.string(), "rev-parse",
                                                           "refs/trees/debian-6.12"}}));
    EXPECT_EQ(seriesctl({"status"}).out.find("moved"), std::string::npos);

    // The next security update, imported as the same tree.
    fs::path tarball = next_tarball(dir.path(), store, old_tip, sublevel + 1);
    test::write(home / "config" / "seriesctl" / "trees.yaml",
                "trees:\n  debian-6.12:\n    kind: tarball\n    tarball: " + tarball.string() +
                    "\n    version: 6.12." + std::to_string(sublevel + 1) + "-1~deb12u1\n");
    proc::ProcessResult status_before_import = seriesctl({"status"});
    EXPECT_NE(status_before_import.out.find("is installed but debian-6.12 in the cache is an older import: run "
                                            "`seriesctl tree import debian-6.12`"),
              std::string::npos)
        << status_before_import.out;
    proc::ProcessResult imported = seriesctl({"--json", "tree", "import", "debian-6.12"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    std::string new_tip = nlohmann::json::parse(imported.out)["commit"];
    ASSERT_NE(new_tip, old_tip);

    const std::string moved = "debian-6.12 moved from " + today + " to " + next + "; the v2 base is no longer the tip";
    proc::ProcessResult status = seriesctl({"status"});
    EXPECT_EQ(status.exit_code, 0) << status.err;
    EXPECT_NE(status.out.find("note: " + moved), std::string::npos) << status.out;

    // check: a moved tree is a note, not a lint failure; checkpatch runs from the new tip.
    proc::ProcessResult check = seriesctl({"check"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("note: " + moved), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("on debian-6.12 (" + new_tip.substr(0, 12) + ")"), std::string::npos) << check.out;

    // rebase --check: rga.c's hunks land two lines lower on the new tip.
    proc::ProcessResult tried = seriesctl({"--json", "rebase", "--check", "--onto", "debian-6.12"});
    EXPECT_EQ(tried.exit_code, 0) << tried.out << tried.err;
    auto trees = nlohmann::json::parse(tried.out)["trees"];
    ASSERT_EQ(trees.size(), 1u);
    EXPECT_EQ(trees[0]["commit"], new_tip);
    EXPECT_EQ(trees[0]["patches"][2]["outcome"], "offset") << trees[0]["patches"][2].dump();
    for (const auto& hunk : trees[0]["patches"][2]["files"][0]["hunks"]) EXPECT_EQ(hunk["offset"], 2) << hunk.dump();

    // build: on the new tip, its evidence names the tip it was taken on.
    proc::ProcessResult build = seriesctl({"--json", "build", "--arch", "x86_64"});
    EXPECT_EQ(build.exit_code, 0) << build.out << build.err;
    auto built = nlohmann::json::parse(build.out);
    EXPECT_EQ(built["base"], new_tip);
    EXPECT_NE(built["base-note"].get<std::string>().find(moved), std::string::npos);
    auto gates = gates_of(seriesctl({"--json", "status"}));
    EXPECT_EQ(gates["checkpatch"]["state"], "passed");
    EXPECT_EQ(gates["build-x86_64"]["state"], "passed") << gates.dump();
    EXPECT_NE(util::read_file(root / "series" / "vb2-release-fence.yaml").find("commit: " + new_tip),
              std::string::npos);

    // rebase --onto moves the recorded base: the note goes; the rewritten
    // files make text-bound gates stale, the code-bound build stays.
    proc::ProcessResult rebased = seriesctl({"rebase", "--v2", "--onto", "debian-6.12"});
    EXPECT_EQ(rebased.exit_code, 0) << rebased.out << rebased.err;
    EXPECT_NE(rebased.out.find("base is now debian-6.12 @ " + next), std::string::npos) << rebased.out;
    proc::ProcessResult after = seriesctl({"--json", "status"});
    EXPECT_EQ(nlohmann::json::parse(after.out)["notes"].size(), 0u) << after.out;
    gates = gates_of(after);
    EXPECT_EQ(gates["checkpatch"]["state"], "stale");
    EXPECT_EQ(gates["build-x86_64"]["state"], "passed");

    // The user's own store never saw any of it.
    fs::path user_store = test::shared_cache_home() / "seriesctl" / "store.git";
    EXPECT_FALSE(
        run_command(proc::Command{{"git", "--git-dir=" + user_store.string(), "cat-file", "-e", new_tip}}).ok());
}
