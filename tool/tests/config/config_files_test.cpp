// The one rule every config file is read by: the project's file, then the
// user's over it; both optional; a field replaces a field, a named entry
// replaces the entry of its name whole.
#include <gtest/gtest.h>

#include "build/build_config.h"
#include "check/subject_prefixes.h"
#include "config/config_files.h"
#include "hw/host_config.h"
#include "support/source_paths.h"
#include "support/temp_dir.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::config;

namespace {

std::string error_of(const std::function<void()>& load) {
    try {
        load();
    } catch (const util::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(ConfigFiles, ANamedEntryOfTheUsersFileReplacesTheProjectsWholeInEveryMapFile) {
    test::TempDir dir;
    test::write(dir / "project/trees.yaml",
                "trees:\n  a: {kind: remote, url: 'https://example.org/a.git', branch: main}\n"
                "  b: {kind: remote, url: 'https://example.org/b.git', branch: main}\n");
    test::write(dir / "user/trees.yaml", "trees:\n  a: {kind: remote, url: 'https://mirror.example/a.git', tag: v1}\n");
    TreeConfig trees = load_tree_config(dir / "project", dir / "user");
    EXPECT_EQ(trees.at("a").url, "https://mirror.example/a.git");
    EXPECT_EQ(trees.at("a").branch, "") << "replaced whole: the project's branch does not survive";
    EXPECT_EQ(trees.at("a").tag, "v1");
    EXPECT_EQ(trees.at("b").url, "https://example.org/b.git");

    test::write(dir / "project/build.yaml", "arches:\n  arm64:\n    arch: arm64\n    cross-compile: aarch64-linux-gnu-\n"
                                            "    defconfig: allnoconfig\n");
    test::write(dir / "user/build.yaml", "arches:\n  arm64:\n    arch: arm64\n");
    auto arches = build::load_build_arches(dir / "project", dir / "user");
    EXPECT_EQ(arches.at("arm64").cross_compile, "");

    test::write(dir / "project/subject-prefixes.yaml", "prefixes:\n  drivers/media/: 'media: '\n  mm/: 'mm: '\n");
    test::write(dir / "user/subject-prefixes.yaml", "prefixes:\n  mm/: 'mm/gup: '\n");
    auto prefixes = check::load_subject_prefixes(dir / "project", dir / "user");
    EXPECT_EQ(prefixes.at("mm/"), "mm/gup: ");
    EXPECT_EQ(prefixes.at("drivers/media/"), "media: ");

    test::write(dir / "user/hosts.yaml", "hosts:\n  boltzmann:\n    ssh: me@192.0.2.1\n    arch: x86_64\n"
                                         "    role: build-host\n    ssh-config: /home/me/ssh_config\n");
    hw::HostConfig hosts = hw::load_host_config(test::source_dir() + "/config", dir / "user");
    EXPECT_EQ(hosts.at("boltzmann").ssh, "me@192.0.2.1");
    EXPECT_EQ(hosts.at("boltzmann").ssh_config, "/home/me/ssh_config");
    EXPECT_EQ(hosts.at("ohm").job.steps.size(), 10u) << "the entries the user does not name stay";
}

TEST(ConfigFiles, AFieldOfTheUsersFileReplacesThatFieldOnly) {
    test::TempDir home;
    test::write(home / "lore.yaml", "url: http://127.0.0.1:9999/\ntimeouts:\n  connect: 2\n");
    LoreConfig config = load_lore_config(std::filesystem::path(test::source_dir()) / "config", home.path());
    EXPECT_EQ(config.archive(), "http://127.0.0.1:9999/all") << "a trailing slash is dropped";
    EXPECT_EQ(config.connect_timeout, 2);
    EXPECT_EQ(config.timeout, 60) << "fields the user leaves out keep the shipped value";
    EXPECT_EQ(config.poll_interval, 600);
}

TEST(ConfigFiles, EitherFileMayBeMissing) {
    test::TempDir dir;
    EXPECT_TRUE(load_tree_config(dir / "project", dir / "user").empty());
    EXPECT_TRUE(hw::load_host_config(dir / "project", dir / "user").empty());
    EXPECT_EQ(load_lore_config(dir / "project", dir / "user").archive(), "https://lore.kernel.org/all");
    test::write(dir / "user/trees.yaml", "trees:\n  mine: {kind: remote, url: 'https://example.org/m.git', branch: main}\n");
    EXPECT_EQ(load_tree_config(dir / "project", dir / "user").count("mine"), 1u);
}

TEST(ConfigFiles, AMistakeNamesTheFileItIsIn) {
    test::TempDir dir;
    test::write(dir / "project/lore.yaml", "inbox: all\n");
    test::write(dir / "user/lore.yaml", "inbox: all\nretries: many\n");
    std::string error = error_of([&] { load_lore_config(dir / "project", dir / "user"); });
    EXPECT_EQ(error.rfind((dir / "user/lore.yaml").string() + ":2:", 0), 0u) << error;
}

TEST(ConfigFiles, ReferencesAreCheckedAfterBothFilesAreRead) {
    test::TempDir dir;
    test::write(dir / "project/trees.yaml",
                "trees:\n  base: {kind: remote, url: 'https://example.org/a.git', branch: main}\n"
                "  next: {kind: series, base: base, apply: ['20261201-x@example.org']}\n");
    EXPECT_NE(load_tree_config(dir / "project", dir / "none").count("next"), 0u);
    test::write(dir / "user/trees.yaml", "trees:\n  next: {kind: series, base: elsewhere, apply: ['20261201-x@example.org']}\n");
    EXPECT_EQ(error_of([&] { load_tree_config(dir / "project", dir / "user"); }),
              "trees.next.base: no tree named 'elsewhere' in " + (dir / "project/trees.yaml").string() + " or " +
                  (dir / "user/trees.yaml").string());

    test::write(dir / "project/hosts.yaml", "hosts:\n  b:\n    ssh: b\n    arch: aarch64\n    role: board\n"
                                            "    job:\n      remote: /tmp/r-{run}\n      trace-start: 'true'\n"
                                            "      trace-stop: 'true'\n      dmesg: dmesg\n      screenshot: shot {file}\n"
                                            "      steps:\n"
                                            "        - {name: a, host: nowhere, run: 'true', timeout: 5}\n");
    std::string error = error_of([&] { hw::load_host_config(dir / "project", dir / "none"); });
    EXPECT_EQ(error, "hosts.b.job.steps.a.host: no host named 'nowhere' in " + (dir / "project/hosts.yaml").string() +
                         " or " + (dir / "none/hosts.yaml").string());
}
