#include "analyse/kernel_reports.h"

#include <optional>
#include <regex>
#include <sstream>

namespace seriesctl::analyse {

namespace {

struct Headline {
    std::regex pattern;
    ReportKind kind;
};

const std::vector<Headline>& headlines() {
    static const std::vector<Headline> all = {
        {std::regex(R"(^WARNING: possible circular locking dependency detected)"), ReportKind::circular_locking},
        {std::regex(R"(^WARNING: inconsistent lock state)"), ReportKind::inconsistent_lock_state},
        {std::regex(R"(^WARNING: possible recursive locking detected)"), ReportKind::recursive_locking},
        {std::regex(R"(^WARNING: possible irq lock inversion dependency detected)"), ReportKind::irq_lock_inversion},
        {std::regex(R"(^WARNING: lock held when returning to user space)"), ReportKind::lock_held_at_return},
        {std::regex(R"(^WARNING: suspicious RCU usage)"), ReportKind::suspicious_rcu},
        {std::regex(R"(^BUG: sleeping function called from invalid context)"), ReportKind::sleep_in_atomic},
        {std::regex(R"(^BUG: scheduling while atomic)"), ReportKind::sleep_in_atomic},
        {std::regex(R"(^BUG: (unable to handle|kernel NULL pointer dereference))"), ReportKind::oops},
        {std::regex(R"(^kernel BUG at )"), ReportKind::oops},
        {std::regex(R"(^Oops: )"), ReportKind::oops},
        {std::regex(R"(^WARNING: CPU: \d+ PID: \d+ at )"), ReportKind::warning},
        {std::regex(R"(^BUG: )"), ReportKind::other_bug},
    };
    return all;
}

std::optional<ReportKind> headline_kind(const std::string& line) {
    for (const auto& headline : headlines())
        if (std::regex_search(line, headline.pattern)) return headline.kind;
    return std::nullopt;
}

bool is_lockdep(ReportKind kind) {
    return kind == ReportKind::circular_locking || kind == ReportKind::inconsistent_lock_state ||
           kind == ReportKind::recursive_locking || kind == ReportKind::irq_lock_inversion ||
           kind == ReportKind::lock_held_at_return || kind == ReportKind::suspicious_rcu;
}

// "[   12.345678] text" → "text"; a "[T123]" caller id is dropped too.
std::string strip_timestamp(const std::string& line) {
    static const std::regex stamp(R"(^(<\d+>)?\[\s*\d+\.\d+\](\[\s*[TC]\d+\])?\s?)");
    std::string text = std::regex_replace(line, stamp, "", std::regex_constants::format_first_only);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
}

// `sym+0x1c/0x40 [mod]` anywhere on a line: stack lines, "at: sym+…",
// "RIP: 0010:sym+…", "pc : sym+…". A frame marked "?" is a stale address
// the unwinder found on the stack, not a caller: it names nobody.
std::vector<ReportFrame> frames_of(const std::string& line) {
    static const std::regex frame(R"((?:^|[\s:])(\?\s*)?([A-Za-z_][\w.]*)\+0x[0-9a-f]+/0x[0-9a-f]+(?:\s+\[(\w+)\])?)");
    std::vector<ReportFrame> out;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), frame); it != std::sregex_iterator(); ++it)
        if (!(*it)[1].matched) out.push_back({(*it)[2], (*it)[3]});
    return out;
}

// Core kernel frames that say nothing about whose code it is: lockdep
// itself, locking primitives, printing, entry, scheduling, workqueues.
bool is_core_frame(const std::string& symbol) {
    static const std::regex core(
        R"(^(_*(raw_)?(spin_|read_|write_|mutex_|down|up|rt_mutex|ww_mutex|lock_|check_|validate_|print_|dump_|show_|debug_|mark_|__might|might_|__schedule|schedule|preempt|warn|__warn|report_bug|handle_bug|exc_|asm_exc|do_syscall|entry_|x64_sys|__x64_sys|ret_from|kthread|worker_thread|process_one_work|do_one_initcall|kernel_init|__do_sys|__se_sys|el0|el1|invoke_syscall|do_el0|__arm64_sys|call_usermodehelper|rcu_|__rcu|panic|die|oops|page_fault|do_user_addr|handle_mm|_raw|do_exit|make_task_dead|rewind_stack|__cond_resched|__queue_work|queue_work|run_timer|call_timer|__run_timers|irq_|__irq|handle_irq|ct_|asm_|sysvec_|__sysvec|__do_softirq|do_softirq|__softirq|smpboot|cpu_startup|start_kernel|secondary_startup|common_startup|x86_64_start|bad_area|kernelmode_fixup|__bad_area|fixup_|stack_trace|arch_stack|kallsyms|__traceiter|trace_)).*)");
    return std::regex_match(symbol, core);
}

void classify(KernelReport& report, const SeriesCode& code) {
    for (const auto& line : report.lines)
        if (line.find("dma_fence_map") != std::string::npos && is_lockdep(report.kind)) {
            report.kind = ReportKind::signalling_violation;
            break;
        }
    for (const auto& frame : report.frames)
        if (code.matches(frame)) {
            report.in_series = true;
            report.series_frame = frame.symbol + (frame.module.empty() ? "" : " [" + frame.module + "]");
            return;
        }
    for (const auto& frame : report.frames)
        if (!frame.module.empty()) {
            report.culprit = frame.module;
            return;
        }
    for (const auto& frame : report.frames)
        if (!is_core_frame(frame.symbol)) {
            report.culprit = frame.symbol;
            report.culprit_built_in = true;
            return;
        }
}

}  // namespace

std::string to_string(ReportKind kind) {
    switch (kind) {
        case ReportKind::circular_locking: return "circular locking dependency";
        case ReportKind::signalling_violation: return "dma_fence signalling violation";
        case ReportKind::inconsistent_lock_state: return "inconsistent lock state";
        case ReportKind::recursive_locking: return "recursive locking";
        case ReportKind::irq_lock_inversion: return "irq lock inversion";
        case ReportKind::lock_held_at_return: return "lock held when returning to user space";
        case ReportKind::suspicious_rcu: return "suspicious RCU usage";
        case ReportKind::sleep_in_atomic: return "sleeping in atomic context";
        case ReportKind::oops: return "oops";
        case ReportKind::warning: return "warning";
        case ReportKind::other_bug: return "bug";
    }
    return "bug";
}

bool SeriesCode::matches(const ReportFrame& frame) const {
    for (const auto& name : {frame.symbol, frame.module}) {
        if (name.empty()) continue;
        for (const auto& prefix : prefixes)
            if (name.rfind(prefix, 0) == 0) return true;
        for (const auto& part : contains)
            if (name.find(part) != std::string::npos) return true;
    }
    return false;
}

std::vector<KernelReport> find_kernel_reports(const std::string& dmesg, const SeriesCode& code) {
    std::vector<KernelReport> reports;
    std::optional<KernelReport> open;
    bool saw_backtrace = false;  // lockdep reports end with the task's stack
    bool in_backtrace = false;   // … after its first frame
    auto close = [&] {
        if (!open) return;
        classify(*open, code);
        reports.push_back(std::move(*open));
        open.reset();
    };
    std::istringstream in(dmesg);
    std::string raw;
    while (std::getline(in, raw)) {
        std::string line = strip_timestamp(raw);
        auto kind = headline_kind(line);
        // An Oops line inside a BUG report, or the WARN headline right
        // after "---[ cut here ]---", belongs to the report already open.
        if (kind && open && *kind == ReportKind::oops && open->kind == ReportKind::oops &&
            line.rfind("Oops: ", 0) == 0)
            kind.reset();
        if (kind) {
            close();
            open = KernelReport{};
            open->kind = *kind;
            open->title = line;
            saw_backtrace = in_backtrace = false;
        }
        if (!open) continue;
        auto frames = frames_of(line);
        // arm64 has no </TASK>: the backtrace ends at the first line that
        // is neither a frame nor indented.
        if (in_backtrace && frames.empty() && !line.empty() && line[0] != ' ' && line[0] != '\t' &&
            line.find("TASK>") == std::string::npos) {
            close();
            continue;
        }
        open->lines.push_back(line);
        for (auto& frame : frames) open->frames.push_back(std::move(frame));
        if (line.rfind("stack backtrace:", 0) == 0) saw_backtrace = true;
        if (saw_backtrace && !frames.empty() && is_lockdep(open->kind)) in_backtrace = true;
        bool ends = line.find("---[ end trace") != std::string::npos ||
                    (is_lockdep(open->kind) && saw_backtrace && line.find("</TASK>") != std::string::npos) ||
                    open->lines.size() > 400;
        if (ends) close();
    }
    close();
    return reports;
}

}  // namespace seriesctl::analyse
