#pragma once

#include <filesystem>

#include "util/unique_fd.h"

namespace seriesctl::util {

/// An exclusive flock() on a lock file, held for the object's lifetime, so
/// that two seriesctl processes (say `watch --interval` and `send`) never
/// interleave their read-modify-write of the same file.
class FileLock {
public:
    explicit FileLock(const std::filesystem::path& lock_path);

private:
    UniqueFd fd_;
};

}  // namespace seriesctl::util
