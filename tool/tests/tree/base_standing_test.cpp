#include <gtest/gtest.h>

#include "git/handle.h"
#include "support/git_fixture.h"
#include "support/temp_dir.h"
#include "tree/base_standing.h"
#include "tree/tarball_import.h"

using namespace seriesctl;
using namespace seriesctl::tree;
namespace fs = std::filesystem;

namespace {

git::Library libgit2;

// A tarball of a tree whose Makefile says v6.12.<sublevel>, as Debian's
// linux-source package is after each security update.
config::TreeSpec stable_tarball(const test::TempDir& dir, int sublevel) {
    auto top = dir / ("stage-" + std::to_string(sublevel)) / "linux-source-6.12";
    test::write(top / "Makefile", "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = " + std::to_string(sublevel) +
                                      "\nEXTRAVERSION =\nNAME = Baby Opossum Posse\n");
    test::write(top / "drivers" / "media" / "rga.c", "int rga;\n");
    auto tarball = dir / ("linux-source-6.12." + std::to_string(sublevel) + ".tar");
    test::run_ok(proc::Command{{"tar", "-cf", tarball.string(), "--mtime=2026-01-02 03:04:05Z", "--owner=0",
                                "--group=0", "-C", top.parent_path().string(), "linux-source-6.12"}});
    config::TreeSpec tree;
    tree.name = "debian-6.12";
    tree.tarball = tarball.string();
    tree.version = "6.12." + std::to_string(sublevel) + "-1~deb12u1";
    return tree;
}

series::Version based_on(const std::string& upstream, const std::string& commit = "") {
    series::Version version;
    version.number = 2;
    version.base = {"debian-6.12", upstream, commit};
    return version;
}

struct Stores {
    test::TempDir dir;
    TreeStore store{dir / "cache"};
    config::TreeConfig trees;
    std::string import(int sublevel) {
        config::TreeSpec tree = stable_tarball(dir, sublevel);
        trees[tree.name] = tree;
        return import_tarball(tree, store, [](size_t) {}).commit;
    }
};

}  // namespace

TEST(BaseStanding, AReleaseTheTreeIsNowIsTheTip) {
    Stores at;
    std::string tip = at.import(117);
    BaseStanding standing = base_standing(at.trees, at.store, "debian-6.12", based_on("v6.12.117"));
    EXPECT_EQ(standing.state, BaseStanding::State::tip);
    EXPECT_EQ(standing.tip, tip);
    EXPECT_EQ(standing.note(), "");
}

TEST(BaseStanding, ATreeThatMovedToANewerReleaseIsAStateNotAnError) {
    Stores at;
    at.import(117);
    std::string tip = at.import(118);  // Debian's next security update, imported as the same tree
    BaseStanding standing = base_standing(at.trees, at.store, "debian-6.12", based_on("v6.12.117"));
    EXPECT_EQ(standing.state, BaseStanding::State::moved);
    EXPECT_EQ(standing.tip, tip) << "verbs work on the tip";
    EXPECT_EQ(standing.problem, "");
    EXPECT_EQ(standing.note(),
              "debian-6.12 moved from v6.12.117 to v6.12.118; the v2 base is no longer the tip (checked on the tip; "
              "`seriesctl rebase --onto debian-6.12` moves it)");
}

TEST(BaseStanding, AMachineThatNeverImportedTheOldReleaseStillPlacesIt) {
    Stores at;
    at.import(118);  // a new machine: only today's package was ever imported
    EXPECT_EQ(base_standing(at.trees, at.store, "debian-6.12", based_on("v6.12.117")).state,
              BaseStanding::State::moved);
}

TEST(BaseStanding, ABaseNewerThanTheTreeIsFoundNowhere) {
    Stores at;
    at.import(118);
    BaseStanding standing = base_standing(at.trees, at.store, "debian-6.12", based_on("v6.12.119"));
    EXPECT_EQ(standing.state, BaseStanding::State::lost);
    EXPECT_EQ(standing.note(), "base v6.12.119 is newer than debian-6.12 (v6.12.118)");
}

TEST(BaseStanding, ALocalImportCommitFromAnotherMachineIsLostAndSaysHowToRecordTheRelease) {
    Stores at;
    at.import(118);
    BaseStanding standing =
        base_standing(at.trees, at.store, "debian-6.12", based_on("", "87d8c00352e59d231ca2b771f00d2330edec379f"));
    EXPECT_EQ(standing.state, BaseStanding::State::lost);
    EXPECT_EQ(standing.note(),
              "base commit 87d8c00352e5 is not in the tree store (a tarball import is local to the machine that made "
              "it: record the base by its release with `seriesctl rebase --onto debian-6.12`)");
}

TEST(BaseStanding, ACommitBaseAtTheTipOrOnAnotherTreeLine) {
    Stores at;
    std::string old_import = at.import(117);
    std::string tip = at.import(118);
    EXPECT_EQ(base_standing(at.trees, at.store, "debian-6.12", based_on("", tip)).state, BaseStanding::State::tip);
    BaseStanding unrelated = base_standing(at.trees, at.store, "debian-6.12", based_on("", old_import));
    EXPECT_EQ(unrelated.state, BaseStanding::State::lost) << "two imports share no history";
    EXPECT_EQ(unrelated.note(), "base commit " + old_import.substr(0, 12) + " is not in the history of debian-6.12");
}

TEST(BaseStanding, ATreeNotInTheCacheIsNotCompared) {
    Stores at;
    at.trees["debian-6.12"] = stable_tarball(at.dir, 118);
    BaseStanding standing = base_standing(at.trees, at.store, "debian-6.12", based_on("v6.12.117"));
    EXPECT_EQ(standing.state, BaseStanding::State::tree_missing);
    EXPECT_EQ(standing.tip, "");
    EXPECT_EQ(standing.note(), "debian-6.12 is not in the cache: run `seriesctl tree import debian-6.12`");
    EXPECT_FALSE(fs::exists(at.store.store_dir())) << "looking creates no store";
}

TEST(BaseStanding, RebaseRecordsATarballTreeByReleaseAndARemoteByCommit) {
    Stores at;
    std::string tip = at.import(118);
    series::Base tarball = base_at_tip(at.trees.at("debian-6.12"), at.store, tip);
    EXPECT_EQ(tarball.upstream, "v6.12.118");
    EXPECT_EQ(tarball.commit, "");
    config::TreeSpec remote;
    remote.name = "media-next";
    remote.kind = config::TreeSpec::Kind::remote;
    series::Base fetched = base_at_tip(remote, at.store, tip);
    EXPECT_EQ(fetched.tree, "media-next");
    EXPECT_EQ(fetched.commit, tip);
    EXPECT_EQ(fetched.upstream, "");
}

TEST(BaseStanding, PendingImportSaysWhenTheInstalledTarballIsNotTheCachedTip) {
    Stores at;
    at.import(117);
    config::TreeSpec newer = stable_tarball(at.dir, 118);
    EXPECT_EQ(pending_import(newer, at.store),
              newer.tarball + " 6.12.118-1_deb12u1 is installed but debian-6.12 in the cache is an older import: run "
                              "`seriesctl tree import debian-6.12`");
    at.import(118);
    EXPECT_EQ(pending_import(newer, at.store), "");
}
