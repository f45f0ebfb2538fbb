#pragma once

#include "hw/remote.h"
#include "proc/subprocess.h"

namespace seriesctl::hw {

/// The OpenSSH client: `ssh` and `scp` with the user's ssh config and agent
/// (or the host's ssh-config file), BatchMode (never a prompt) and
/// StrictHostKeyChecking=yes on the command line, where no config file can
/// turn them off: an unknown or changed host key is refused. The remote
/// command runs under the remote `timeout` too, so a step that runs too long
/// does not go on after we stop waiting.
class OpenSsh : public Remote {
public:
    RemoteOutcome run(const HostSpec& host, const std::string& script, Seconds timeout,
                      const LineSink& on_line) override;
    RemoteOutcome put(const HostSpec& host, const std::vector<std::filesystem::path>& files,
                      const std::string& remote_dir, Seconds timeout, const LineSink& on_line) override;
    RemoteOutcome get(const HostSpec& host, const std::vector<std::string>& remote_paths,
                      const std::filesystem::path& local_dir, Seconds timeout, const LineSink& on_line) override;

    /// The ssh command line `run` uses (for plans and tests).
    static proc::Command ssh_command(const HostSpec& host, const std::string& script, Seconds timeout);
};

/// `text` as one word for a POSIX shell.
std::string shell_quote(const std::string& text);

/// A clear sentence for an ssh failure the user must act on (host key,
/// authentication, name resolution, connection), or "" for others.
std::string ssh_failure_hint(const HostSpec& host, const std::vector<std::string>& last_lines);

}  // namespace seriesctl::hw
