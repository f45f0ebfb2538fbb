#include <algorithm>
#include <csignal>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "util/leftovers.h"
#include "util/scratch_dir.h"

using namespace seriesctl;
using namespace seriesctl::util;
namespace fs = std::filesystem;

namespace {

// The pid of a process that ran and is gone (reaped).
pid_t gone_pid() {
    pid_t child = ::fork();
    if (child == 0) _exit(0);
    ::waitpid(child, nullptr, 0);
    return child;
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST(Leftovers, RemovesWhatAGoneProcessLeftAndKeepsALiveOnesAndOtherNames) {
    test::TempDir dir;
    std::string dead = "scratch-" + std::to_string(gone_pid()) + ".a1b2c3";
    std::string alive = "scratch-" + std::to_string(::getpid()) + ".d4e5f6";
    fs::create_directories(dir / dead / "sub");
    test::write(dir / dead / "sub" / "file", "x");
    fs::create_directory(dir / alive);
    fs::create_directory(dir / "scratch-XYZ123");  // no pid: not ours to judge
    test::write(dir / "scratch-notes.txt", "kept");

    remove_leftovers(dir.path(), "scratch-");

    std::vector<std::string> kept{"scratch-XYZ123", alive, "scratch-notes.txt"};
    std::sort(kept.begin(), kept.end());
    EXPECT_EQ(names_in(dir.path()), kept);
}

TEST(Leftovers, AnAtomicWriteRemovesTheTemporaryFileAKilledWriterLeft) {
    test::TempDir dir;
    test::write(dir / (".series.yaml.tmp." + std::to_string(gone_pid()) + ".abcdef"), "half a recor");
    write_file_atomically(dir / "series.yaml", "whole\n");
    EXPECT_EQ(names_in(dir.path()), (std::vector<std::string>{"series.yaml"}));
}

TEST(Leftovers, AScratchDirectoryRemovesTheOnesKilledProcessesLeft) {
    test::TempDir dir;
    fs::create_directories(dir / ("scratch-" + std::to_string(gone_pid()) + ".Qx12ab") / "v3");
    {
        ScratchDir scratch(dir.path());
        EXPECT_EQ(names_in(dir.path()).size(), 1u);
        EXPECT_EQ(scratch.path().filename().string().rfind(owned_prefix("scratch-"), 0), 0u);
    }
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

// Killed while staging (content written, not placed): the unnamed file goes
// with the process, nothing is left beside the old file.
TEST(Leftovers, AWriterKilledWhileStagingLeavesNothing) {
    test::TempDir dir;
    write_file_atomically(dir / "series.yaml", "old\n");
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        StagedFile staged(dir / "series.yaml", std::string(1 << 20, 'n'));
        ::raise(SIGKILL);
        _exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(names_in(dir.path()), (std::vector<std::string>{"series.yaml"}));
    EXPECT_EQ(read_file(dir / "series.yaml"), "old\n");
}
