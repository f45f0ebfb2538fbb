#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

namespace seriesctl::proc {

/// A LAVA job's outcome as the dispatcher or server gave it: its log, in
/// the one-record-per-line form `lava-run` and `lavacli jobs logs --raw`
/// share, and where it ran.
struct LavaJobOutput {
    std::string job_id;
    std::string log;
    std::string where;  ///< "lava-run" or "<identity> job 1234", for messages
};

/// Whether the job definition passes LAVA's own strict schema
/// (lava_common.schemas of lava-dispatcher): "" when it does, else LAVA's
/// message and the path to the offending key.
std::string lava_schema_problem(const std::string& job_yaml);

/// Runs one job with `lava-run` against a device dictionary, here (root
/// only: the dispatcher writes /var/lib/lava/dispatcher). `dir` keeps the
/// job, the device and LAVA's output directory; the job's own download
/// directory (named by the process and `job_name`, unique among runs) is
/// removed afterwards. `on_line` sees each log line.
LavaJobOutput run_lava_locally(const std::string& job_yaml, const std::string& device_yaml,
                               const std::filesystem::path& dir, const std::string& job_name,
                               std::chrono::seconds timeout, const std::function<void(const std::string&)>& on_line);

/// Submits the job to a LAVA server through `lavacli -i identity`, waits
/// for it to finish (polling every `polling`; past `timeout` it is
/// cancelled) and fetches its log.
LavaJobOutput run_lava_on_farm(const std::string& identity, const std::string& job_yaml,
                               const std::filesystem::path& dir, std::chrono::seconds timeout,
                               std::chrono::seconds polling, const std::function<void(const std::string&)>& progress);

}  // namespace seriesctl::proc
