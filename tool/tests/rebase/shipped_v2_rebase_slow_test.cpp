#include <gtest/gtest.h>

#include "git/diff_parser.h"
#include "git/handle.h"
#include "patch/patch.h"
#include "support/git_fixture.h"
#include "support/kernel_cache.h"
#include "support/project_copy.h"
#include "support/source_paths.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::test;

namespace fs = std::filesystem;

namespace {
git::Library libgit2;  // parse_patch reads diffs with libgit2
}  // namespace

// The real thing: the shipped v2 onto the imported Debian 6.12 tree, in the
// shared cache CI keeps (tree/debian_import_slow_test imports it), from a
// copy of the checkout so the shipped files stay as they are.
TEST(ShippedV2, RebasesOntoDebian612AsGitFormatPatchWritesIt) {
    TempDir dir;
    fs::path checkout = dir / "checkout";
    copy_project(checkout);
    fs::path v2 = checkout / "kernel" / "vb2-release-fence" / "v2";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(v2)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    ASSERT_EQ(files.size(), 3u);
    std::vector<patch::PatchFile> shipped;
    for (const auto& file : files) shipped.push_back(git::read_patch(util::read_file(file), file.filename().string()));

    fs::path cache = borrow_kernel_cache(dir / "home");
    proc::ProcessResult rebase = run_command(proc::Command{
        {test::seriesctl_binary(), "--root", checkout.string(), "--json", "rebase", "--v2", "--onto", "debian-6.12"},
        {},
        {{"XDG_CACHE_HOME", cache.string()}}});
    ASSERT_EQ(rebase.exit_code, 0) << rebase.out << rebase.err;
    EXPECT_NE(rebase.out.find("\"applies\": true"), std::string::npos) << rebase.out;

    // The same commits through git format-patch, by hand.
    fs::path store = cache / "seriesctl" / "store.git";
    auto git = [&](std::vector<std::string> args) {
        proc::Command command{{"git", "--git-dir=" + store.string()},
                        {},
                        {{"GIT_CONFIG_NOSYSTEM", "1"}, {"GIT_CONFIG_GLOBAL", "/dev/null"},
                         {"GIT_NOTES_REF", "refs/notes/commits"}}};
        command.argv.insert(command.argv.end(), args.begin(), args.end());
        std::string out = run_ok(command);
        return out.substr(0, out.find('\n'));
    };
    std::string tip = git({"rev-parse", "refs/seriesctl/vb2-release-fence/v2"});
    std::string base = git({"rev-parse", "refs/trees/debian-6.12"});
    fs::path formatted = dir / "formatted";
    git({"format-patch", "-q", "-o", formatted.string(), "--subject-prefix=PATCH RFC v2", "--numbered", "--notes",
         "--signature=2.39.5", "--abbrev=9", base + ".." + tip});
    std::vector<fs::path> expected;
    for (const auto& entry : fs::directory_iterator(formatted)) expected.push_back(entry.path());
    std::sort(expected.begin(), expected.end());
    ASSERT_EQ(expected.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        std::string written = util::read_file(files[i]);
        EXPECT_EQ(written, util::read_file(expected[i])) << files[i];
        patch::PatchFile after = git::read_patch(written, files[i].string());
        EXPECT_EQ(after.subject, shipped[i].subject);
        EXPECT_EQ(after.date, shipped[i].date);
        EXPECT_EQ(after.message, shipped[i].message);
        EXPECT_EQ(after.notes, shipped[i].notes);
        EXPECT_EQ(after.patch_id(), shipped[i].patch_id());
    }
    // The base is recorded as the release the tree is, never as the local import commit.
    std::string makefile = run_ok(proc::Command{{"git", "--git-dir=" + store.string(), "show", base + ":Makefile"}});
    std::string sublevel = makefile.substr(makefile.find("SUBLEVEL = ") + 11);
    std::string recorded = util::read_file(checkout / "series" / "vb2-release-fence.yaml");
    EXPECT_NE(recorded.find("      tree: debian-6.12\n      upstream: v6.12." + sublevel.substr(0, sublevel.find('\n')) +
                            "\n"),
              std::string::npos)
        << recorded;
    EXPECT_EQ(recorded.find(base), std::string::npos);
}
