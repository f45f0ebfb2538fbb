#include "hw/board_gates.h"

namespace seriesctl::hw {

namespace {

std::optional<GateResult> fence_balance(const std::vector<WorkloadAnalysis>& workloads) {
    GateResult gate{"fence-balance", true, {}, ""};
    for (const auto& workload : workloads) {
        if (!workload.trace) return std::nullopt;
        for (const auto& [event, count] : workload.trace->counts)
            gate.figures[workload.workload + "-" + event] = std::to_string(count);
        if (!workload.trace->balanced) gate.passed = false;
        for (const auto& problem : workload.trace->problems)
            gate.why += (gate.why.empty() ? "" : "; ") + workload.workload + ": " + problem;
    }
    if (workloads.empty()) return std::nullopt;
    return gate;
}

GateResult lockdep(const WorkloadAnalysis& workload) {
    const LockdepVerdict& found = *workload.lockdep;
    GateResult gate{"lockdep-" + workload.workload, found.in_series == 0,
                    {{"in-series", std::to_string(found.in_series)}, {"unrelated", std::to_string(found.unrelated)}},
                    ""};
    for (const auto& title : found.in_series_titles) gate.why += (gate.why.empty() ? "" : "; ") + title;
    return gate;
}

GateResult frames(const WorkloadAnalysis& workload) {
    const analyse::FrameReport& report = *workload.frames;
    GateResult gate{"frames-" + workload.workload, report.passed(),
                    {{"frames", std::to_string(report.frames.size())},
                     {"uniform", std::to_string(report.uniform)},
                     {"duplicates", std::to_string(report.duplicates)},
                     {"colours-min", std::to_string(report.fewest_colours)},
                     {"colours-max", std::to_string(report.most_colours)}},
                    ""};
    if (report.frames.empty()) gate.why = "no screenshots were taken";
    for (const auto& frame : report.frames)
        if (frame.uniform)
            gate.why += (gate.why.empty() ? "uniform: " : ", ") + frame.name + " (md5 " + frame.md5 + ")";
    return gate;
}

}  // namespace

std::vector<GateResult> board_gates(const std::vector<WorkloadAnalysis>& workloads) {
    std::vector<GateResult> gates;
    if (auto gate = fence_balance(workloads)) gates.push_back(*gate);
    for (const auto& workload : workloads)
        if (workload.lockdep) gates.push_back(lockdep(workload));
    for (const auto& workload : workloads)
        if (workload.frames) gates.push_back(frames(workload));
    return gates;
}

}  // namespace seriesctl::hw
