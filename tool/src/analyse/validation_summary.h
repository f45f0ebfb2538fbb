#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyse/kernel_reports.h"
#include "analyse/trace_counts.h"

namespace seriesctl::analyse {

/// The verdict of one validation run (a kernel booted and exercised): the
/// trace balances and no kernel report is in the series' code. Reports
/// outside it are listed, with their module, and do not fail the run.
/// Lanes add their own findings (a probe's verdict, a frame check) to
/// `problems` before rendering.
struct ValidationSummary {
    std::string title;  ///< "vb2-release-fence v2 + validation overlay under qemu"
    std::string kernel; ///< uname -r in the guest or on the board
    TraceBalance trace;
    std::vector<KernelReport> reports;
    std::vector<std::string> problems;
    std::map<std::string, std::string> figures;  ///< what a cover letter may quote

    bool passed() const { return problems.empty(); }
    size_t reports_in_series() const;
};

/// Judges a trace and a dmesg: problems from the trace balance and from
/// every report in the series' code; figures: event counts and report counts.
ValidationSummary summarise_run(const std::string& title, const TraceBalance& trace,
                                std::vector<KernelReport> reports);

/// A short markdown summary: verdict, the figures, each problem, each
/// report (kind, where, in or outside the series' code).
std::string render_markdown(const ValidationSummary& summary);

nlohmann::json to_json(const ValidationSummary& summary);

}  // namespace seriesctl::analyse
