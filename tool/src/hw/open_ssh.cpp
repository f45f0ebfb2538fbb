#include "hw/open_ssh.h"

#include "proc/streamed_run.h"

namespace seriesctl::hw {

namespace {

// How long scp and ssh wait for the host before giving up on a connection.
constexpr int connect_timeout = 15;
// The remote `timeout` fires this long after ours would, so ours reports it.
constexpr int remote_grace = 5;

std::vector<std::string> client_options(const HostSpec& host) {
    std::vector<std::string> options;
    if (!host.ssh_config.empty()) options = {"-F", host.ssh_config};
    for (const char* option : {"BatchMode=yes", "StrictHostKeyChecking=yes", "ServerAliveInterval=15",
                               "ServerAliveCountMax=4"})
        options.insert(options.end(), {"-o", option});
    options.insert(options.end(), {"-o", "ConnectTimeout=" + std::to_string(connect_timeout)});
    return options;
}

RemoteOutcome outcome(const proc::StreamedResult& result) {
    return RemoteOutcome{result.exit_code, result.timed_out, result.last_lines};
}

RemoteOutcome run_bounded(const proc::Command& command, Seconds timeout, const LineSink& on_line) {
    return outcome(proc::run_streamed(command, timeout, on_line));
}

std::string remote_directory(const std::string& dir) { return dir.ends_with("/") ? dir : dir + "/"; }

}  // namespace

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

proc::Command OpenSsh::ssh_command(const HostSpec& host, const std::string& script, Seconds timeout) {
    proc::Command command{{"ssh"}};
    auto options = client_options(host);
    command.argv.insert(command.argv.end(), options.begin(), options.end());
    command.argv.insert(command.argv.end(), {"--", host.ssh,
                                             "exec timeout -k 10 " + std::to_string(timeout.count() + remote_grace) +
                                                 " sh -c " + shell_quote(script)});
    return command;
}

RemoteOutcome OpenSsh::run(const HostSpec& host, const std::string& script, Seconds timeout, const LineSink& on_line) {
    return run_bounded(ssh_command(host, script, timeout), timeout, on_line);
}

RemoteOutcome OpenSsh::put(const HostSpec& host, const std::vector<std::filesystem::path>& files,
                           const std::string& remote_dir, Seconds timeout, const LineSink& on_line) {
    auto start = std::chrono::steady_clock::now();
    RemoteOutcome made = run(host, "mkdir -p " + shell_quote(remote_dir), timeout, on_line);
    if (!made.ok()) return made;
    proc::Command command{{"scp"}};
    auto options = client_options(host);
    command.argv.insert(command.argv.end(), options.begin(), options.end());
    command.argv.insert(command.argv.end(), {"-p", "--"});
    for (const auto& file : files) command.argv.push_back(file.string());
    command.argv.push_back(host.ssh + ":" + remote_directory(remote_dir));
    auto left = timeout - std::chrono::duration_cast<Seconds>(std::chrono::steady_clock::now() - start);
    return run_bounded(command, std::max(left, Seconds(1)), on_line);
}

RemoteOutcome OpenSsh::get(const HostSpec& host, const std::vector<std::string>& remote_paths,
                           const std::filesystem::path& local_dir, Seconds timeout, const LineSink& on_line) {
    std::filesystem::create_directories(local_dir);
    proc::Command command{{"scp"}};
    auto options = client_options(host);
    command.argv.insert(command.argv.end(), options.begin(), options.end());
    command.argv.insert(command.argv.end(), {"-r", "-p", "--"});
    for (const auto& path : remote_paths) command.argv.push_back(host.ssh + ":" + path);
    command.argv.push_back(local_dir.string() + "/");
    return run_bounded(command, timeout, on_line);
}

std::string ssh_failure_hint(const HostSpec& host, const std::vector<std::string>& last_lines) {
    auto said = [&](const char* text) {
        for (const auto& line : last_lines)
            if (line.find(text) != std::string::npos) return true;
        return false;
    };
    std::string who = host.name + " (ssh " + host.ssh + ")";
    if (said("Host key verification failed") || said("REMOTE HOST IDENTIFICATION HAS CHANGED"))
        return "the host key of " + who +
               " is not in known_hosts or has changed; check its fingerprint and add it with one interactive "
               "`ssh " + host.ssh + "` (seriesctl never skips the host key check)";
    if (said("Permission denied (")) return who + " refused our keys: is ssh-agent running and the key authorised there?";
    if (said("Could not resolve hostname")) return "cannot resolve the host name of " + who;
    if (said("Connection refused") || said("Connection timed out") || said("No route to host"))
        return "cannot connect to " + who;
    return "";
}

}  // namespace seriesctl::hw
