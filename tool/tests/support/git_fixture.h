#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "proc/subprocess.h"

namespace seriesctl::test {

/// Runs a command and fails the test (throws) unless it exits 0; returns stdout.
std::string run_ok(const proc::Command& command, std::string_view input = {});

/// A real git repository driven through the git command line, with a fixed
/// identity and no global config, so tests produce real format-patch output.
class GitRepo {
public:
    explicit GitRepo(std::filesystem::path dir);

    const std::filesystem::path& dir() const { return dir_; }
    std::string git(const std::vector<std::string>& args, std::string_view input = {}) const;
    void write(const std::string& path, const std::string& content) const;
    /// Stages everything and commits; returns the commit id.
    std::string commit(const std::string& message) const;
    /// `git format-patch` of `range` into `out`; returns the files in order.
    std::vector<std::filesystem::path> format_patch(const std::string& range, const std::filesystem::path& out,
                                                    const std::vector<std::string>& extra = {}) const;

private:
    std::filesystem::path dir_;
};

/// The environment every test's git and seriesctl see: a fixed identity
/// and dates, no user config.
std::vector<std::pair<std::string, std::string>> git_test_env();

/// The built seriesctl binary with `args` in `cwd`, with XDG dirs under `home`,
/// for tests that run it in the background.
proc::Command seriesctl_command(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                          const std::filesystem::path& home);

/// Runs the built seriesctl binary with `args` in `cwd`, with XDG dirs under `home`.
proc::ProcessResult run_seriesctl(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                            const std::filesystem::path& home);

}  // namespace seriesctl::test
