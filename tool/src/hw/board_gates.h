#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyse/frames.h"

namespace seriesctl::hw {

/// The trace analyser's verdict on one workload's ftrace: every fence init
/// signalled (but those in flight at stop), every wait ended, every queued
/// buffer done. (From analyse/trace_counts: balanced(), counts, problems().)
struct TraceVerdict {
    bool balanced = false;
    std::map<std::string, size_t> counts;  ///< event → how often: "dma_fence_init" → 31816
    std::vector<std::string> problems;     ///< what does not balance
};

/// The dmesg analyser's verdict on one workload's kernel log. (From
/// analyse/kernel_reports: the reports, counted by in_series.)
struct LockdepVerdict {
    size_t in_series = 0;  ///< reports whose call chains run through the series' code
    size_t unrelated = 0;  ///< others (the seed's bes2600 splat)
    std::vector<std::string> in_series_titles;  ///< "possible circular locking dependency detected", …
};

/// Everything analysed about one workload. A part left empty was not
/// analysed, and its gate is not recorded: nothing passes unexamined.
struct WorkloadAnalysis {
    std::string workload;
    std::optional<TraceVerdict> trace;
    std::optional<LockdepVerdict> lockdep;
    std::optional<analyse::FrameReport> frames;  ///< only for workloads that take screenshots
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

}  // namespace seriesctl::hw
