#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "proc/subprocess.h"

namespace seriesctl::proc {

struct StreamedResult {
    int exit_code = 0;       ///< 128 + signal when killed by one
    bool timed_out = false;  ///< killed because the timeout passed
    std::vector<std::string> last_lines;  ///< the last lines of its output

    bool ok() const { return !timed_out && exit_code == 0; }
};

/// Runs `command` with stdin closed, handing each line of its output
/// (stdout and stderr together, as a terminal shows them) to `on_line` as
/// it comes. When `timeout` passes first, its whole process group gets
/// SIGTERM, then SIGKILL 5 s later. Keeps the last `keep` lines for errors.
StreamedResult run_streamed(const Command& command, std::chrono::milliseconds timeout,
                            const std::function<void(const std::string&)>& on_line, size_t keep = 20);

}  // namespace seriesctl::proc
