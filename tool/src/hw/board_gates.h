#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyse/frames.h"

namespace seriesctl {

/// What the trace analyser made of one workload's ftrace: whether every
/// fence init was signalled (but those in flight at stop), every wait
/// ended, every queued buffer done.
struct TraceBalance {
    bool balanced = false;
    std::map<std::string, std::string> counts;  ///< event → count: "dma_fence_init" → "31816"
    std::string problem;                        ///< what does not balance
};

/// What the dmesg analyser made of one workload's kernel log.
struct LockdepFindings {
    size_t in_series = 0;  ///< reports whose call chains run through the series' code
    size_t unrelated = 0;  ///< others (the seed's bes2600 splat)
    std::vector<std::string> in_series_titles;  ///< "possible circular locking dependency detected", …
};

/// Everything analysed about one workload. A part left empty was not
/// analysed, and its gate is not recorded: nothing passes unexamined.
struct WorkloadAnalysis {
    std::string workload;
    std::optional<TraceBalance> trace;
    std::optional<LockdepFindings> lockdep;
    std::optional<FrameReport> frames;  ///< only for workloads that take screenshots
};

struct GateResult {
    std::string name;
    bool passed = false;
    std::map<std::string, std::string> figures;
    std::string why;  ///< for a failed gate: what failed
};

/// The gates a board run earns, in this order:
///   fence-balance     every workload's trace balances (only when all were analysed)
///   lockdep-<w>       no report in the series' code in workload w's dmesg
///   frames-<w>        w took screenshots and none is uniform (duplicates counted)
std::vector<GateResult> board_gates(const std::vector<WorkloadAnalysis>& workloads);

}  // namespace seriesctl
