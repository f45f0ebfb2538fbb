#pragma once

#include <filesystem>
#include <string>

namespace seriesctl::test {

/// A fresh directory per test under $TMPDIR, removed when the test passed
/// and kept (its path printed) when it failed, for inspection.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// Writes a file, creating its directory.
void write(const std::filesystem::path& file, const std::string& content);

}  // namespace seriesctl::test
