#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analyse/kernel_reports.h"
#include "config/tree_config.h"
#include "hw/board_gates.h"
#include "hw/board_job.h"
#include "hw/host_config.h"
#include "hw/job_plan.h"
#include "repo/project.h"

namespace seriesctl::hw {

struct BoardRequest {
    std::string series;   ///< empty: the only one
    std::string version;  ///< empty: the newest
    std::string board;
};

/// `validate --hw BOARD --dry-run`: what the job would run.
struct BoardPlan {
    std::string series, version, board;
    std::vector<PlannedStep> steps;
};

BoardPlan plan_board_validation(const repo::Project& project, const HostConfig& hosts, const BoardRequest& request);

/// A run and what it earned.
struct BoardValidation {
    std::string series, version, board, run_id;
    JobResult job;
    std::vector<WorkloadAnalysis> analyses;
    std::vector<GateResult> gates;
    std::filesystem::path summary;  ///< series/<name>/evidence/<run-id>/run.json (committed)
    std::filesystem::path raw;      ///< the run's directory in the cache: traces, dmesg, screenshots, step logs
};

/// What the analysers make of one workload's artifacts. Frames are checked
/// here; the trace and dmesg analysers fill in `trace` and `lockdep`.
WorkloadAnalysis analyse_workload(const WorkloadArtifacts& artifacts, const analyse::SeriesCode& series_code);

/// `validate --hw BOARD`: runs the board's job on the version's patches,
/// analyses what the workloads left, writes the run's summary and, when
/// every step passed, records the gates it earned on the version, bound to
/// the patch-ids, base and config fragments it ran and the kernel that ran.
/// A failed job records no gate.
BoardValidation run_board_validation(const repo::Project& project, const HostConfig& hosts,
                                     const config::TreeConfig& trees, const BoardRequest& request, Remote& remote,
                                     const JobObserver& observer, const RebootPolling& polling = {});

}  // namespace seriesctl::hw
