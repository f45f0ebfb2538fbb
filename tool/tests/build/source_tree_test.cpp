// The build source tree against a real git repository and work tree: hard
// links to the work tree, files the steps change replaced, never written
// through, and a relink when the work tree moved.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "build/source_tree.h"
#include "support/git_fixture.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

namespace fs = std::filesystem;
using namespace seriesctl;
using namespace seriesctl::build;

namespace {

git::Library libgit2;

git::RepositoryPtr open(const fs::path& dir) {
    git_repository* raw = nullptr;
    git::check(git_repository_open(&raw, dir.c_str()), "open");
    return git::RepositoryPtr(raw);
}

git_oid tree_of(git_repository* repo, const std::string& commit) {
    git_oid id = git::parse_oid(commit, "commit");
    git_commit* raw = nullptr;
    git::check(git_commit_lookup(&raw, repo, &id), "commit");
    git::CommitPtr found(raw);
    return *git_commit_tree_id(found.get());
}

ino_t inode(const fs::path& file) {
    struct stat st {};
    EXPECT_EQ(stat(file.c_str(), &st), 0) << file;
    return st.st_ino;
}

}  // namespace

TEST(LinkedSourceTree, LinksTheWorkTreeAndReplacesOnlyTheFilesAStepChanges) {
    test::TempDir dir;
    test::GitRepo work(dir / "work");
    work.write("Makefile", "all:\n");
    work.write("drivers/a.c", "int a;\n");
    work.write("drivers/b.c", "int b;\n");
    work.write("scripts/run.sh", "#!/bin/sh\n");
    fs::create_directory_symlink("../drivers", dir / "work" / "scripts" / "drivers");  // as Documentation/Changes
    fs::create_symlink("../drivers/a.c", dir / "work" / "scripts" / "a.c");
    fs::permissions(dir / "work" / "scripts" / "run.sh", fs::perms::owner_exec, fs::perm_options::add);
    std::string base = work.commit("base");
    work.write("drivers/a.c", "int a = 1;\n");
    work.write("drivers/c.c", "int c;\n");
    fs::remove(dir / "work" / "drivers" / "b.c");
    std::string step = work.commit("step");
    work.git({"checkout", "-q", base});

    auto repo = open(dir / "work");
    LinkedSourceTree source(dir / "source", repo.get());
    EXPECT_EQ(source.hold(dir / "work", base, tree_of(repo.get(), base)), 0u);
    EXPECT_TRUE(source.relinked());
    EXPECT_FALSE(fs::exists(dir / "source" / ".git"));
    EXPECT_EQ(inode(dir / "source" / "drivers" / "a.c"), inode(dir / "work" / "drivers" / "a.c")) << "a hard link";
    EXPECT_TRUE((fs::status(dir / "source" / "scripts" / "run.sh").permissions() & fs::perms::owner_exec) !=
                fs::perms::none);
    EXPECT_EQ(fs::read_symlink(dir / "source" / "scripts" / "drivers"), "../drivers") << "symlinks stay symlinks";
    EXPECT_EQ(fs::read_symlink(dir / "source" / "scripts" / "a.c"), "../drivers/a.c");

    EXPECT_EQ(source.hold(dir / "work", base, tree_of(repo.get(), step)), 3u);
    EXPECT_FALSE(source.relinked());
    EXPECT_EQ(util::read_file(dir / "source" / "drivers" / "a.c"), "int a = 1;\n");
    EXPECT_EQ(util::read_file(dir / "source" / "drivers" / "c.c"), "int c;\n");
    EXPECT_FALSE(fs::exists(dir / "source" / "drivers" / "b.c"));
    EXPECT_EQ(util::read_file(dir / "work" / "drivers" / "a.c"), "int a;\n") << "the work tree is never written";
    EXPECT_TRUE(fs::exists(dir / "work" / "drivers" / "b.c"));
    EXPECT_EQ(inode(dir / "source" / "Makefile"), inode(dir / "work" / "Makefile")) << "unchanged files stay links";

    EXPECT_EQ(source.hold(dir / "work", base, tree_of(repo.get(), base)), 3u);
    EXPECT_EQ(util::read_file(dir / "source" / "drivers" / "a.c"), "int a;\n");
    EXPECT_TRUE(fs::exists(dir / "source" / "drivers" / "b.c"));

    // The work tree moved to another commit: the source is linked afresh.
    work.git({"checkout", "-q", step});
    EXPECT_EQ(source.hold(dir / "work", step, tree_of(repo.get(), base)), 3u);
    EXPECT_TRUE(source.relinked());
    EXPECT_EQ(util::read_file(dir / "source" / "drivers" / "a.c"), "int a;\n");
    EXPECT_EQ(util::read_file(dir / "work" / "drivers" / "a.c"), "int a = 1;\n");
}

TEST(LinkedSourceTree, AnInterruptedMoveIsLinkedAfresh) {
    test::TempDir dir;
    test::GitRepo work(dir / "work");
    work.write("a.c", "int a;\n");
    std::string base = work.commit("base");
    auto repo = open(dir / "work");
    LinkedSourceTree source(dir / "source", repo.get());
    source.hold(dir / "work", base, tree_of(repo.get(), base));
    util::write_file_atomically(dir / "source.state", "linked-from " + base + "\n");  // as a move leaves it
    util::write_file_atomically(dir / "source" / "a.c", "half written");
    source.hold(dir / "work", base, tree_of(repo.get(), base));
    EXPECT_TRUE(source.relinked());
    EXPECT_EQ(util::read_file(dir / "source" / "a.c"), "int a;\n");
}
