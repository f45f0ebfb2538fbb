#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "hw/host_config.h"
#include "hw/job_plan.h"
#include "hw/remote.h"

namespace seriesctl::hw {

/// How one step went.
struct StepReport {
    std::string name, host;
    std::string state;  ///< passed, failed, timed out, not run
    double seconds = 0;
    std::filesystem::path log;  ///< its whole output, in the run's directory
};

/// Why the job stopped: the step, the command it ran and the end of its output.
struct JobFailure {
    std::string step, host, command;
    std::string reason;  ///< "exit status 1", "timed out after 30 s", or what ssh said
    std::vector<std::string> last_lines;
};

/// What a workload left behind, fetched into the run's directory.
struct WorkloadArtifacts {
    std::string name;
    std::filesystem::path dir, trace, dmesg;
    std::vector<std::filesystem::path> screenshots;  ///< in the order taken
    int screenshot_interval = 0;  ///< seconds; 0 when it takes none
};

struct JobResult {
    std::vector<StepReport> steps;  ///< every step of the job, in order
    std::vector<WorkloadArtifacts> workloads;
    Variables captured;     ///< what run steps captured
    std::string kernel;     ///< `uname -r` on the board when the workloads ran
    std::optional<JobFailure> failure;

    bool ok() const { return !failure; }
};

/// Called as the job goes: a step starts, a line of output arrives.
struct JobObserver {
    std::function<void(size_t index, size_t total, const JobStep& step)> on_step;
    LineSink on_line;
};

/// How a reboot step polls for the board to come back.
struct RebootPolling {
    Seconds interval{5};
    std::function<void(Seconds)> sleep;  ///< empty: really sleep
};

/// Runs the board's job step by step through `remote`. Each step's output
/// goes to `<local>/steps/NN-<name>.log`. The first step that fails or times
/// out stops the job: the rest are "not run" and `failure` says why.
JobResult run_board_job(const HostConfig& hosts, const HostSpec& board, const JobContext& context,
                        const std::filesystem::path& root, Remote& remote, const JobObserver& observer,
                        const RebootPolling& polling = {});

}  // namespace seriesctl::hw
