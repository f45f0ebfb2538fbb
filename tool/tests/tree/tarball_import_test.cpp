#include <gtest/gtest.h>

#include "git/handle.h"
#include "support/git_fixture.h"
#include "support/temp_dir.h"
#include "tree/tarball_import.h"
#include "tree/work_tree.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::tree;

namespace {

git::Library libgit2;

// A tarball shaped like Debian's linux-source: one top directory, a
// script with the executable bit, a symlink and a hard link.
std::filesystem::path make_tarball(const test::TempDir& dir, const std::string& name = "src.tar.xz") {
    auto top = dir / "stage" / "linux-source-9.9";
    test::write(top / "Makefile", "VERSION = 9\n");
    test::write(top / "scripts" / "checkpatch.pl", "#!/usr/bin/perl\nprint 1;\n");
    std::filesystem::permissions(top / "scripts" / "checkpatch.pl", std::filesystem::perms(0755));
    test::write(top / "drivers" / "media" / "rga.c", "int rga;\n");
    std::filesystem::create_symlink("rga.c", top / "drivers" / "media" / "rga-link.c");
    std::filesystem::create_hard_link(top / "Makefile", top / "Makefile.hard");
    auto tarball = dir / name;
    test::run_ok(proc::Command{{"tar", "-cJf", tarball.string(), "--mtime=2026-01-02 03:04:05Z", "--owner=0",
                                "--group=0", "--sort=name", "-C", (dir / "stage").string(), "linux-source-9.9"}});
    return tarball;
}

config::TreeSpec spec(const std::filesystem::path& tarball) {
    config::TreeSpec tree;
    tree.name = "small";
    tree.kind = config::TreeSpec::Kind::tarball;
    tree.tarball = tarball.string();
    tree.version = "9.9-1~deb12u1";
    return tree;
}

std::string in_store(const TreeStore& store, const std::vector<std::string>& args) {
    proc::Command command{{"git", "--git-dir=" + store.store_dir().string()}};
    command.argv.insert(command.argv.end(), args.begin(), args.end());
    return test::run_ok(command);
}

void no_progress(size_t) {}

}  // namespace

TEST(TarballImport, ImportsFilesModesAndLinksAsOneTaggedCommit) {
    test::TempDir dir;
    TreeStore store(dir / "cache");
    ImportResult result = import_tarball(spec(make_tarball(dir)), store, no_progress);
    EXPECT_FALSE(result.already);
    EXPECT_EQ(result.files, 5u);
    EXPECT_EQ(result.tag, "refs/tags/small/9.9-1_deb12u1");
    EXPECT_EQ(in_store(store, {"rev-parse", "refs/trees/small"}), result.commit + "\n");
    std::string listing = in_store(store, {"ls-tree", "-r", result.commit});
    EXPECT_NE(listing.find("100755 blob"), std::string::npos);
    EXPECT_NE(listing.find("120000 blob"), std::string::npos);
    EXPECT_NE(listing.find("\tscripts/checkpatch.pl"), std::string::npos) << "the top directory is stripped";
    EXPECT_EQ(in_store(store, {"show", result.commit + ":Makefile.hard"}), "VERSION = 9\n");
    EXPECT_EQ(in_store(store, {"show", result.commit + ":drivers/media/rga-link.c"}), "rga.c");
    EXPECT_EQ(in_store(store, {"log", "-1", "--format=%an <%ae> %at", result.commit}),
              "seriesctl import <seriesctl@localhost> 1767323045\n");
}

TEST(TarballImport, IsIdempotentAndDeterministicAcrossMachines) {
    test::TempDir dir;
    auto tarball = make_tarball(dir);
    TreeStore first(dir / "cache-a");
    TreeStore second(dir / "cache-b");
    ImportResult a = import_tarball(spec(tarball), first, no_progress);
    ImportResult again = import_tarball(spec(tarball), first, no_progress);
    EXPECT_TRUE(again.already);
    EXPECT_EQ(again.commit, a.commit);
    ImportResult b = import_tarball(spec(tarball), second, no_progress);
    EXPECT_EQ(b.commit, a.commit) << "the same tarball must give the same commit id anywhere";
}

// An import that stops part-way (here: the archive is cut off) changes no
// ref; the next run with a good archive completes.
TEST(TarballImport, InterruptedImportLeavesNoRefAndCanBeRunAgain) {
    test::TempDir dir;
    auto tarball = make_tarball(dir);
    std::string whole = util::read_file(tarball);
    auto cut = dir / "cut.tar.xz";
    test::write(cut, whole.substr(0, whole.size() / 2));
    TreeStore store(dir / "cache");
    EXPECT_THROW(import_tarball(spec(cut), store, no_progress), util::Error);
    EXPECT_FALSE(store.resolve("refs/trees/small"));
    EXPECT_FALSE(store.resolve("refs/tags/small/9.9-1_deb12u1"));
    ImportResult result = import_tarball(spec(tarball), store, no_progress);
    EXPECT_FALSE(result.already);
    EXPECT_TRUE(store.resolve("refs/trees/small"));
}

TEST(TarballImport, MissingTarballIsAClearError) {
    test::TempDir dir;
    TreeStore store(dir / "cache");
    try {
        import_tarball(spec(dir / "absent.tar.xz"), store, no_progress);
        FAIL();
    } catch (const util::Error& e) {
        EXPECT_EQ(std::string(e.what()), "tree small: " + (dir / "absent.tar.xz").string() + " does not exist");
    }
}

TEST(WorkTree, ChecksOutSharesObjectsAndFinishesAnInterruptedCheckout) {
    test::TempDir dir;
    TreeStore store(dir / "cache");
    ImportResult result = import_tarball(spec(make_tarball(dir)), store, no_progress);
    auto work = ensure_work_tree(store, "small", result.commit, [](const std::string&) {});
    EXPECT_EQ(util::read_file(work / "drivers" / "media" / "rga.c"), "int rga;\n");
    EXPECT_TRUE(std::filesystem::is_symlink(work / "drivers" / "media" / "rga-link.c"));
    EXPECT_EQ(util::read_file(work / ".git" / "objects" / "info" / "alternates"),
              (store.store_dir() / "objects").string() + "\n");

    // Interrupted: a file is missing and the completion marker was never written.
    std::filesystem::remove(work / "Makefile");
    std::filesystem::remove(work / ".git" / "seriesctl-checkout");
    ensure_work_tree(store, "small", result.commit, [](const std::string&) {});
    EXPECT_EQ(util::read_file(work / "Makefile"), "VERSION = 9\n");
}
