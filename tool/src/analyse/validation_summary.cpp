#include "analyse/validation_summary.h"

#include <sstream>

namespace seriesctl::analyse {

namespace {

std::string where(const KernelReport& report) {
    if (report.in_series) return "in the series' code (" + report.series_frame + ")";
    if (report.culprit.empty()) return "unrelated";
    return "unrelated: " + std::string(report.culprit_built_in ? "built-in " : "module ") + report.culprit;
}

}  // namespace

size_t ValidationSummary::reports_in_series() const {
    size_t n = 0;
    for (const auto& report : reports) n += report.in_series;
    return n;
}

ValidationSummary summarise_run(const std::string& title, const TraceBalance& trace, std::vector<KernelReport> reports) {
    ValidationSummary summary;
    summary.title = title;
    summary.trace = trace;
    summary.reports = std::move(reports);
    summary.problems = trace.problems();
    for (const auto& report : summary.reports)
        if (report.in_series) summary.problems.push_back(to_string(report.kind) + " " + where(report) + ": " + report.title);
    for (const auto& event : {"dma_fence_init", "dma_fence_signaled", "dma_fence_destroy", "dma_fence_wait_start",
                              "dma_fence_wait_end", "vb2_buf_queue", "vb2_buf_done", "vb2_qbuf", "vb2_dqbuf"})
        summary.figures[event] = std::to_string(trace.count(event));
    summary.figures["fences-unsignalled-at-stop"] = std::to_string(trace.fences_unsignalled);
    summary.figures["kernel-reports-in-series"] = std::to_string(summary.reports_in_series());
    summary.figures["kernel-reports-unrelated"] = std::to_string(summary.reports.size() - summary.reports_in_series());
    return summary;
}

std::string render_markdown(const ValidationSummary& summary) {
    std::ostringstream out;
    out << "## " << summary.title << ": " << (summary.passed() ? "passed" : "FAILED") << "\n\n";
    if (!summary.kernel.empty()) out << "Kernel: `" << summary.kernel << "`\n\n";
    out << "| figure | value |\n| --- | --- |\n";
    for (const auto& [name, value] : summary.figures) out << "| " << name << " | " << value << " |\n";
    out << "\nTrace: " << (summary.trace.balanced() ? "balanced" : "NOT balanced") << " (every init signalled, every "
        << "wait ended, every queued buffer done; " << summary.trace.in_flight_allowed << " may be in flight at stop).\n";
    if (!summary.problems.empty()) {
        out << "\nProblems:\n";
        for (const auto& problem : summary.problems) out << "- " << problem << "\n";
    }
    out << "\nKernel reports: " << summary.reports.size() << " (" << summary.reports_in_series()
        << " in the series' code)\n";
    for (const auto& report : summary.reports)
        out << "- " << to_string(report.kind) << ", " << where(report) << ": `" << report.title << "`\n";
    return out.str();
}

nlohmann::json to_json(const ValidationSummary& summary) {
    nlohmann::json reports = nlohmann::json::array();
    for (const auto& report : summary.reports) {
        nlohmann::json frames = nlohmann::json::array();
        for (const auto& frame : report.frames) frames.push_back(frame.module.empty() ? frame.symbol : frame.symbol + " [" + frame.module + "]");
        reports.push_back({{"kind", to_string(report.kind)},
                           {"title", report.title},
                           {"in_series", report.in_series},
                           {"series_frame", report.series_frame},
                           {"culprit", report.culprit},
                           {"culprit_built_in", report.culprit_built_in},
                           {"frames", frames}});
    }
    return {{"title", summary.title},
            {"kernel", summary.kernel},
            {"passed", summary.passed()},
            {"problems", summary.problems},
            {"figures", summary.figures},
            {"trace",
             {{"balanced", summary.trace.balanced()},
              {"counts", summary.trace.counts},
              {"fences_unsignalled", summary.trace.fences_unsignalled},
              {"fences_not_destroyed", summary.trace.fences_not_destroyed},
              {"waits_not_ended", summary.trace.waits_not_ended},
              {"buffers_not_done", summary.trace.buffers_not_done},
              {"signalled_twice", summary.trace.signalled_twice},
              {"in_flight_allowed", summary.trace.in_flight_allowed}}},
            {"reports", reports}};
}

}  // namespace seriesctl::analyse
