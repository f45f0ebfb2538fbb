#pragma once

#include <archive.h>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace seriesctl::archive {

/// One member of a tar archive.
struct TarEntry {
    enum class Kind { file, directory, symlink, hardlink, other };
    Kind kind = Kind::other;
    std::string path;    ///< as stored, leading "./" removed
    unsigned mode = 0;   ///< permission bits
    long long mtime = 0;
    std::string target;  ///< symlink or hardlink target
};

/// Reads a (compressed) tar archive member by member with libarchive.
class TarReader {
public:
    explicit TarReader(const std::filesystem::path& archive_path);

    /// The next member, or nothing at the end; a damaged archive is an Error.
    std::optional<TarEntry> next();
    /// The current member's data (files only).
    std::string read_data();

private:
    std::filesystem::path path_;
    std::unique_ptr<::archive, decltype(&archive_read_free)> archive_;
};

}  // namespace seriesctl::archive
