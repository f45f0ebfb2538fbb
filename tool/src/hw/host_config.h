#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "hw/job_variables.h"

namespace seriesctl::hw {

/// One step of a board's job (config/hosts.yaml). Its texts may hold
/// `{name}` variable references, filled in when the step runs.
struct JobStep {
    enum class Kind { run, put, get, reboot, workload };
    std::string name;
    std::string host;  ///< the host it runs on (or copies to / from)
    Kind kind = Kind::run;
    int timeout = 0;   ///< seconds
    std::string command;  ///< run, reboot, workload: shell text on the host
    std::string capture;  ///< run: variable taking the last output line
    std::vector<std::string> files;  ///< put: local globs; get: remote paths
    std::string to;       ///< put: remote directory; get: local directory
    std::string expect_kernel;  ///< reboot: `uname -r` the host must come back with
    int duration = 0;           ///< workload: seconds it runs
    int screenshot_interval = 0;  ///< workload: seconds between screenshots, 0 = none
};

/// What a board runs: its steps, and how a workload records what it does.
struct BoardJob {
    Variables vars;
    std::string remote;       ///< the run's directory on the board
    std::string trace_start;  ///< clears and starts the kernel trace
    std::string trace_stop;   ///< stops it and prints the trace
    std::string dmesg;        ///< prints the kernel log
    std::string screenshot;   ///< writes a PNG to {file}
    std::vector<JobStep> steps;
};

struct HostSpec {
    enum class Role { build_host, board };
    std::string name;
    std::string ssh;         ///< destination for ssh/scp
    std::string ssh_config;  ///< -F file; empty: the user's own
    std::string arch;
    Role role = Role::board;
    BoardJob job;            ///< boards only
};

using HostConfig = std::map<std::string, HostSpec>;

/// Variables every job has without declaring them (see config/hosts.yaml).
const std::vector<std::string>& builtin_job_variables();

/// Parses hosts.yaml text; errors name file:line:col and the field. A step
/// naming a variable that is neither built in, nor one of the job's vars,
/// nor captured by an earlier step, is an error.
HostConfig parse_host_config(const std::string& text, const std::string& file);

/// Throws Error when a job step names a host that is not in `config`
/// (`read_from` names the files it came from).
void check_step_hosts(const HostConfig& config, const std::string& read_from);

/// hosts.yaml, by the rule of config/layered.h; every step's host must be
/// a configured host.
HostConfig load_host_config(const std::filesystem::path& project_config, const std::filesystem::path& user_config);

/// The board of that name; throws Error listing the configured boards.
const HostSpec& find_board(const HostConfig& config, const std::string& name);

}  // namespace seriesctl::hw
