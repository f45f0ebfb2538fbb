#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "proc/subprocess.h"

namespace seriesctl::git {

/// Streams objects into a repository through `git fast-import`, which writes
/// one pack directly (far faster than loose objects for a kernel tree).
/// Refs change only when finish() sends "done": an interrupted import
/// leaves the repository's refs as they were.
class FastImport {
public:
    explicit FastImport(const std::filesystem::path& git_dir);

    /// Sends a blob; returns its mark.
    long blob(const std::string& data);

    struct FileEntry {
        std::string path;
        unsigned mode;  ///< 0100644, 0100755 or 0120000
        long mark;
    };
    struct Identity {
        std::string name, email;
        long long time = 0;  ///< seconds since the epoch, UTC
    };
    /// A root commit of `files` on `ref`; returns its mark.
    long commit(const std::string& ref, const Identity& who, const std::string& message,
                const std::vector<FileEntry>& files);
    /// Sends "done", waits, and throws Error when git fast-import failed.
    void finish();

private:
    void send(const std::string& text);
    proc::Subprocess process_;
    std::string buffer_;
    long next_mark_ = 1;
};

}  // namespace seriesctl::git
