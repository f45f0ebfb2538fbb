#pragma once

#include <filesystem>
#include <string_view>

namespace seriesctl {

/// Replaces `path` with `content` so that a reader sees either the old file or
/// the new one, never a part: temp file beside it, fsync, rename, fsync dir.
/// On failure the old file is untouched and no temp file is left behind.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Reads a whole file; throws Error naming the path when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace seriesctl
