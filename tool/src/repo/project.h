#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace seriesctl::repo {

/// A seriesctl checkout: the directory holding series/, kernel/, config/
/// and templates/. Found like git finds .git: from the working directory up.
class Project {
public:
    /// `explicit_root` (from --root or $SERIESCTL_ROOT) wins when not empty.
    static Project find(const std::filesystem::path& start, const std::filesystem::path& explicit_root);
    explicit Project(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path config_dir() const { return root_ / "config"; }
    std::filesystem::path series_dir() const { return root_ / "series"; }
    std::filesystem::path series_file(const std::string& name) const;

    /// Names of the series/*.yaml files, sorted.
    std::vector<std::string> series_names() const;
    /// `requested` when given (and it exists), else the only series there is.
    std::string resolve_series(const std::string& requested) const;

private:
    std::filesystem::path root_;
};

}  // namespace seriesctl::repo
