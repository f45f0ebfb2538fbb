#pragma once

#include <filesystem>
#include <string_view>

#include "util/unique_fd.h"

namespace seriesctl::util {

/// Replaces `path` with `content` so that a reader sees either the old file or
/// the new one, never a part: temp file beside it, fsync, rename, fsync dir.
/// On failure the old file is untouched and no temp file is left behind.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// A file's new content written and synced beside it, not yet in place.
/// Stage every file of a change first, then place() them all: a failure
/// while staging leaves every file as it was. The content is an unnamed
/// file (O_TMPFILE) until place() names and renames it, so a writer killed
/// while staging leaves nothing; where the filesystem has no unnamed files
/// it is a temporary file named with our pid, and the next writer of the
/// same path removes those whose process is gone.
class StagedFile {
public:
    StagedFile(std::filesystem::path path, std::string_view content);
    StagedFile(StagedFile&& other) noexcept;
    StagedFile& operator=(StagedFile&&) = delete;
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;
    ~StagedFile();

    /// Renames the temp file over the path and syncs the directory.
    void place();

private:
    std::filesystem::path path_;
    UniqueFd unnamed_;            ///< the content as an unnamed file, until placed
    std::filesystem::path temp_;  ///< the content under a temporary name; empty once placed (or moved from)
};

/// Reads a whole file; throws Error naming the path when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace seriesctl::util
