#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "hw/host_config.h"

namespace seriesctl::hw {

/// What one remote action did.
struct RemoteOutcome {
    int exit_code = 0;
    bool timed_out = false;
    std::vector<std::string> last_lines;  ///< the end of its output: captures, errors

    bool ok() const { return !timed_out && exit_code == 0; }
};

using LineSink = std::function<void(const std::string&)>;
using Seconds = std::chrono::seconds;

/// Commands and copies on a host: the ssh adapter. Each call is bounded by
/// its timeout and streams its output lines to `on_line`.
class Remote {
public:
    virtual ~Remote() = default;
    /// Runs shell text on the host.
    virtual RemoteOutcome run(const HostSpec& host, const std::string& script, Seconds timeout,
                              const LineSink& on_line) = 0;
    /// Copies local files into a directory on the host (created if missing).
    virtual RemoteOutcome put(const HostSpec& host, const std::vector<std::filesystem::path>& files,
                              const std::string& remote_dir, Seconds timeout, const LineSink& on_line) = 0;
    /// Copies files or directories from the host into a local directory.
    virtual RemoteOutcome get(const HostSpec& host, const std::vector<std::string>& remote_paths,
                              const std::filesystem::path& local_dir, Seconds timeout, const LineSink& on_line) = 0;
};

}  // namespace seriesctl::hw
