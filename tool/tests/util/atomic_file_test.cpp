#include <csignal>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::util;

namespace {

size_t entries_in(const std::filesystem::path& dir) {
    size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++count;
    return count;
}

}  // namespace

TEST(AtomicFile, ReplacesContentAndLeavesNoTemporaryFile) {
    test::TempDir dir;
    auto file = dir / "series.yaml";
    write_file_atomically(file, "first\n");
    write_file_atomically(file, "second\n");
    EXPECT_EQ(read_file(file), "second\n");
    EXPECT_EQ(entries_in(dir.path()), 1u);
    EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
              std::filesystem::perms(0644));
}

// A write that fails part-way (here: the file size limit, which even root
// cannot ignore) must leave the old file as it was and no temp file behind.
TEST(AtomicFile, FailedWriteKeepsTheOldFile) {
    test::TempDir dir;
    auto file = dir / "series.yaml";
    write_file_atomically(file, "old content\n");

    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{64, 64};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            write_file_atomically(file, std::string(4096, 'x'));
        } catch (const Error& e) {
            _exit(std::string(e.what()).find(file.string()) != std::string::npos ? 42 : 43);
        }
        _exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 42) << "the failed write must throw an Error naming the file";
    EXPECT_EQ(read_file(file), "old content\n");
    EXPECT_EQ(entries_in(dir.path()), 1u);
}

TEST(AtomicFile, ReadingAMissingFileNamesIt) {
    test::TempDir dir;
    try {
        read_file(dir / "nope.yaml");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("nope.yaml"), std::string::npos);
    }
}

TEST(AtomicFile, ADeviceOrFifoIsNeverReplacedByAFile) {
    test::TempDir dir;
    auto fifo = dir / "out";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    try {
        write_file_atomically(fifo, "mail\n");
        ADD_FAILURE() << "replaced";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), fifo.string() + " is not a regular file; not replacing it");
    }
    EXPECT_TRUE(std::filesystem::is_fifo(fifo));
    EXPECT_EQ(entries_in(dir.path()), 1u) << "no temporary file left";
    EXPECT_THROW(write_file_atomically("/dev/null", "x"), Error);
    EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
}
