#pragma once

#include <filesystem>

namespace seriesctl::util {

/// A fresh directory under `parent`, removed with everything in it when the
/// object goes: for tools that write files we only read back. Directories
/// that killed processes left in `parent` are removed on the way.
class ScratchDir {
public:
    explicit ScratchDir(const std::filesystem::path& parent);
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace seriesctl::util
