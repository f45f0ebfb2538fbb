#pragma once

#include <string>
#include <vector>

namespace seriesctl::analyse {

/// What kind of report the kernel wrote.
enum class ReportKind {
    circular_locking,       ///< "possible circular locking dependency detected"
    signalling_violation,   ///< a lockdep report through dma_fence_begin_signalling()'s map
    inconsistent_lock_state,
    recursive_locking,
    irq_lock_inversion,
    lock_held_at_return,    ///< "lock held when returning to user space"
    suspicious_rcu,
    sleep_in_atomic,        ///< "sleeping function called from invalid context", "scheduling while atomic"
    oops,                   ///< "BUG: unable to handle …", "kernel BUG at", "Oops:"
    warning,                ///< WARN(): "WARNING: CPU: n PID: n at file:line"
    other_bug,              ///< any other "BUG: …"
};

std::string to_string(ReportKind kind);

/// A stack frame of a report: `symbol+0xoff/0xsize [module]`.
struct ReportFrame {
    std::string symbol;
    std::string module;  ///< empty for built-in code
};

/// The code a series owns, by function or module name: a report whose
/// frames name it is the series' business.
struct SeriesCode {
    std::vector<std::string> prefixes;  ///< a frame whose symbol or module starts with one ("vb2_", "dma_resv")
    std::vector<std::string> contains;  ///< … or contains one ("videobuf")
    bool matches(const ReportFrame& frame) const;
};

/// One report from dmesg, with its call chains, and whether it is in the
/// series' code.
struct KernelReport {
    ReportKind kind = ReportKind::other_bug;
    std::string title;               ///< the report's headline, without the timestamp
    std::vector<std::string> lines;  ///< the whole report, timestamps stripped
    std::vector<ReportFrame> frames; ///< every frame of every chain, in order
    bool in_series = false;
    std::string series_frame;  ///< the first frame that made it the series' (when in_series)
    /// For reports outside the series: the module the first frame outside
    /// the core kernel (locking, entry, scheduling) belongs to, or that
    /// frame's function when it is built in.
    std::string culprit;
    bool culprit_built_in = false;
};

/// Every lockdep report, BUG, Oops and WARNING in a dmesg text (with or
/// without `[ time]` prefixes), classified against `code`.
std::vector<KernelReport> find_kernel_reports(const std::string& dmesg, const SeriesCode& code);

}  // namespace seriesctl::analyse
