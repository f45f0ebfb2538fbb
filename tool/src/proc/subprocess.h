#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <utility>
#include <vector>

#include "util/unique_fd.h"

namespace seriesctl::proc {

/// A program to run: argv[0] is looked up in PATH.
struct Command {
    std::vector<std::string> argv;
    std::filesystem::path cwd;  ///< empty: the caller's
    std::vector<std::pair<std::string, std::string>> env;  ///< set on top of ours

    /// "git am -3" for messages.
    std::string display() const;
};

struct ProcessResult {
    int exit_code = 0;  ///< 128 + signal when killed by one
    std::string out;
    std::string err;

    bool ok() const { return exit_code == 0; }
    /// The last `n` lines of stderr (or stdout when stderr is empty), for errors.
    std::string tail(size_t n = 5) const;
};

/// A running child. Its stdout and stderr go to anonymous memory files, so a
/// chatty child can never block on a full pipe while we feed its stdin.
class Subprocess {
public:
    enum class Stdin { closed, pipe };
    Subprocess(const Command& command, Stdin stdin_mode);
    Subprocess(const Subprocess&) = delete;
    Subprocess& operator=(const Subprocess&) = delete;
    ~Subprocess();

    /// Feeds the child's stdin; throws Error when the child went away.
    void write(std::string_view data);
    /// Closes stdin, waits, and collects the output.
    ProcessResult wait();

private:
    std::string name_;
    pid_t pid_ = -1;
    util::UniqueFd stdin_;
    util::UniqueFd out_;
    util::UniqueFd err_;
};

/// The environment a child of `command` gets: ours with its additions.
std::vector<std::string> child_environment(const Command& command);

/// Runs to completion with `input` on stdin.
ProcessResult run_command(const Command& command, std::string_view input = {});

/// Runs and throws Error("<what> failed: <command>: <stderr tail>") unless it exits 0.
ProcessResult run_checked(const Command& command, std::string_view what, std::string_view input = {});

/// Whether a program is found in PATH.
bool program_exists(const std::string& name);

}  // namespace seriesctl::proc
