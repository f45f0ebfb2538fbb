#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "hw/host_config.h"

namespace seriesctl::hw {

/// What a run of a board's job is about: fills the built-in variables.
struct JobContext {
    std::string series, version;
    std::string run;  ///< the run id; "" for a plan shown before a run (stays {run})
    std::string patches, configs;  ///< the version's directories, relative to the checkout
    std::filesystem::path local;   ///< this run's directory in the cache
};

/// The built-in variables plus the job's vars, {remote} filled in.
Variables job_variables(const BoardJob& job, const JobContext& context);

/// `step` with every variable that has a value filled in.
JobStep resolve_step(const JobStep& step, const Variables& values);

/// The shell text a workload step runs on the board: trace started, kernel
/// log marked, screenshots taken in the background, the workload run for its
/// duration (stopped by `timeout` then, which is not a failure), then the
/// trace and the new kernel log lines written next to the screenshots in
/// `{remote}/<step name>/`.
std::string workload_script(const BoardJob& job, const JobStep& resolved, const Variables& values);

/// Local globs of a put step, relative to `root` unless absolute, each
/// matched (sorted); a pattern that matches nothing is kept as it is when
/// `keep_unmatched`, else an Error.
std::vector<std::filesystem::path> expand_local(const std::vector<std::string>& patterns,
                                                const std::filesystem::path& root, bool keep_unmatched);

/// One step as a plan shows it: the commands it runs, in order.
struct PlannedStep {
    std::string name, host, destination;  ///< host name and its ssh destination
    std::string kind;                     ///< run, put, get, reboot, workload
    int timeout = 0;
    std::vector<std::string> commands;
    std::vector<std::string> notes;  ///< what happens around them (captures, the reboot wait)
};

/// Every step of the board's job as it would run now; variables only a
/// run gives (the run id, captured values) stay as {name}.
std::vector<PlannedStep> plan_job(const HostConfig& hosts, const HostSpec& board, const JobContext& context,
                                  const std::filesystem::path& root, int reboot_poll_seconds);

}  // namespace seriesctl::hw
