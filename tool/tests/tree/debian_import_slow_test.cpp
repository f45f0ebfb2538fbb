#include <gtest/gtest.h>

#include "support/git_fixture.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;

// The real thing: Debian's linux-source-6.12 tarball through the binary,
// into the shared cache CI keeps (~/.cache/seriesctl), so the other slow
// tests find the tree imported. Running it twice must be a no-op.
TEST(DebianImport, ImportsLinuxSource612AndIsIdempotent) {
    ASSERT_TRUE(std::filesystem::exists("/usr/src/linux-source-6.12.tar.xz")) << "tool/install-deps installs it";
    const char* home = std::getenv("HOME");
    ASSERT_TRUE(home);
    ProcessResult first = run_command(Command{{SERIESCTL_BINARY, "--root", SERIESCTL_SOURCE_DIR, "--json", "tree",
                                               "import", "debian-6.12"}});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("\"tag\": \"refs/tags/debian-6.12/6.12.117"), std::string::npos) << first.out;

    ProcessResult second = run_command(Command{{SERIESCTL_BINARY, "--root", SERIESCTL_SOURCE_DIR, "tree", "import",
                                                "debian-6.12"}});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find("debian-6.12 is imported already"), std::string::npos) << second.out;

    std::filesystem::path tree = std::filesystem::path(std::getenv("XDG_CACHE_HOME") ? std::getenv("XDG_CACHE_HOME")
                                                                                      : std::string(home) + "/.cache") /
                                 "seriesctl" / "trees" / "debian-6.12";
    EXPECT_NE(read_file(tree / "Makefile").find("SUBLEVEL = 117"), std::string::npos);
    EXPECT_TRUE(std::filesystem::exists(tree / "scripts" / "checkpatch.pl"));
    EXPECT_TRUE(std::filesystem::exists(tree / "drivers" / "media" / "common" / "videobuf2" / "videobuf2-core.c"));
}
