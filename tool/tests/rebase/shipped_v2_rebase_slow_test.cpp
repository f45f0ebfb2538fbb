#include <gtest/gtest.h>

#include "core/patch.h"
#include "git/handle.h"
#include "support/git_fixture.h"
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
    fs::create_directories(checkout);
    for (const char* part : {"series", "kernel", "config"})
        fs::copy(fs::path(SERIESCTL_SOURCE_DIR) / part, checkout / part, fs::copy_options::recursive);
    fs::path v2 = checkout / "kernel" / "vb2-release-fence" / "v2";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(v2)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    ASSERT_EQ(files.size(), 3u);
    std::vector<PatchFile> shipped;
    for (const auto& file : files) shipped.push_back(parse_patch(read_file(file), file.filename().string()));

    ProcessResult rebase = run_command(
        Command{{SERIESCTL_BINARY, "--root", checkout.string(), "--json", "rebase", "--v2", "--onto", "debian-6.12"}});
    ASSERT_EQ(rebase.exit_code, 0) << rebase.out << rebase.err;
    EXPECT_NE(rebase.out.find("\"applies\": true"), std::string::npos) << rebase.out;

    // The same commits through git format-patch, by hand.
    const char* home = std::getenv("HOME");
    fs::path store = fs::path(std::getenv("XDG_CACHE_HOME") ? std::getenv("XDG_CACHE_HOME")
                                                             : std::string(home) + "/.cache") /
                     "seriesctl" / "store.git";
    auto git = [&](std::vector<std::string> args) {
        Command command{{"git", "--git-dir=" + store.string()},
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
        std::string written = read_file(files[i]);
        EXPECT_EQ(written, read_file(expected[i])) << files[i];
        PatchFile after = parse_patch(written, files[i].string());
        EXPECT_EQ(after.subject, shipped[i].subject);
        EXPECT_EQ(after.date, shipped[i].date);
        EXPECT_EQ(after.message, shipped[i].message);
        EXPECT_EQ(after.notes, shipped[i].notes);
        EXPECT_EQ(after.patch_id(), shipped[i].patch_id());
    }
    EXPECT_NE(read_file(checkout / "series" / "vb2-release-fence.yaml").find("commit: " + base), std::string::npos);
}
