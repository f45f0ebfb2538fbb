#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli/context.h"
#include "hw/board_validation.h"
#include "hw/open_ssh.h"
#include "series/table.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/xdg.h"
#include "validate/lava_lane.h"
#include "validate/qemu_lane.h"

namespace seriesctl::cli {

namespace {

/// `--hw qemu` is the lane that boots the series under qemu on this
/// machine, `--hw lava:TYPE` the same kernels booted by LAVA; any other
/// name is a board of config/hosts.yaml reached by ssh.
const char* const qemu_lane = "qemu";
const std::string lava_prefix = "lava:";

struct ValidateOptions {
    std::string series;
    std::string version;
    std::string hw;
    bool dry_run = false;
    bool ab = false;                     ///< qemu: also the base kernel
    std::vector<std::string> boot_args;  ///< qemu: extra kernel command line
    int jobs = 0;                        ///< qemu: parallel compiles
};

// Each command's first line after "$ ", the rest indented under it.
void print_command(const std::string& command) {
    std::string prefix = "    $ ";
    size_t start = 0;
    for (size_t end; start <= command.size(); start = end + 1) {
        end = command.find('\n', start);
        if (end == std::string::npos) end = command.size();
        std::cout << prefix << command.substr(start, end - start) << "\n";
        prefix = "      ";
    }
}

void print_plan(const hw::BoardPlan& plan, const Context& context) {
    if (context.options.json) {
        nlohmann::json out = {{"series", plan.series}, {"version", plan.version}, {"board", plan.board}};
        out["steps"] = nlohmann::json::array();
        for (const auto& step : plan.steps)
            out["steps"].push_back({{"name", step.name}, {"host", step.host}, {"ssh", step.destination},
                                    {"kind", step.kind}, {"timeout", step.timeout}, {"commands", step.commands},
                                    {"notes", step.notes}});
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << "validate " << plan.series << " " << plan.version << " on " << plan.board << ": " << plan.steps.size()
              << " steps (dry run; {run} and what steps capture are filled in when it runs)\n";
    for (size_t i = 0; i < plan.steps.size(); ++i) {
        const hw::PlannedStep& step = plan.steps[i];
        std::cout << "\n" << i + 1 << ". " << step.name << ": " << step.kind << " on " << step.host << " (ssh "
                  << step.destination << "), timeout " << step.timeout << " s\n";
        for (const auto& command : step.commands) print_command(command);
        for (const auto& note : step.notes) std::cout << "    # " << note << "\n";
    }
}

std::string seconds_text(double seconds) { return std::to_string(static_cast<long>(seconds + 0.5)) + " s"; }

void print_run(const hw::BoardValidation& run, const Context& context) {
    if (context.options.json) {
        std::cout << util::read_file(run.summary);
        return;
    }
    std::cout << "validate " << run.series << " " << run.version << " on " << run.board << ", run " << run.run_id
              << (run.job.kernel.empty() ? "" : ", kernel " + run.job.kernel) << "\n\n";
    for (const auto& step : run.job.steps) {
        std::string state = step.state == "passed"      ? context.paint(step.state, "32")
                            : step.state == "not run"   ? step.state
                                                        : context.paint(step.state, "31");
        std::cout << "  " << step.name << " (" << step.host << "): " << state
                  << (step.state == "not run" ? "" : ", " + seconds_text(step.seconds)) << "\n";
    }
    if (!run.gates.empty()) std::cout << "\n";
    for (const auto& gate : run.gates) {
        std::cout << "gate " << gate.name << " " << (gate.passed ? context.paint("passed", "32") : context.paint("failed", "31"));
        for (const auto& [figure, value] : gate.figures) std::cout << " " << figure << "=" << value;
        std::cout << (gate.why.empty() ? "" : "\n  " + gate.why) << "\n";
    }
    std::cout << "\nsummary: " << run.summary.string() << "\nraw: " << run.raw.string() << "\n";
}

void run_board(const ValidateOptions& options, Context& context) {
    const repo::Project& project = context.project();
    hw::BoardRequest request{options.series, options.version, options.hw};
    if (options.dry_run) {
        print_plan(hw::plan_board_validation(project, context.hosts(), request), context);
        return;
    }
    hw::OpenSsh ssh;
    hw::BoardValidation result;
    {
        Progress progress;
        std::string current;
        bool tty = ::isatty(STDERR_FILENO);
        hw::JobObserver observer{
            [&](size_t index, size_t total, const hw::JobStep& step) {
                current = "[" + std::to_string(index + 1) + "/" + std::to_string(total) + "] " + step.name + " on " +
                          step.host + " (timeout " + std::to_string(step.timeout) + " s)";
                progress.update(current);
            },
            // Output scrolls past in place on a terminal; logs keep every line.
            [&](const std::string& line) {
                if (tty) progress.update(current + ": " + line.substr(0, 100));
            }};
        result = hw::run_board_validation(project, context.hosts(), context.trees(), request, ssh, observer);
    }
    print_run(result, context);
    if (const auto& failure = result.job.failure) {
        std::cerr << "seriesctl: step " << failure->step << " on " << failure->host << " failed: " << failure->reason
                  << "\n  command: " << failure->command.substr(0, failure->command.find('\n'))
                  << (failure->command.find('\n') != std::string::npos ? " …" : "") << "\n";
        if (!failure->last_lines.empty()) std::cerr << "  last output:\n";
        for (const auto& line : failure->last_lines) std::cerr << "    " << line << "\n";
        std::cerr << "  no gate recorded\n";
        context.exit_status = util::exit_error;
        return;
    }
    for (const auto& gate : result.gates)
        if (!gate.passed) context.exit_status = util::exit_findings;
}

nlohmann::json run_json(const validate::QemuKernelRun& run) {
    return {{"label", run.label},
            {"expected_probe", run.expected_probe},
            {"key", run.key},
            {"patches", run.patches},
            {"reused", run.reused},
            {"build_seconds", run.build_seconds},
            {"boot_seconds", run.boot_seconds},
            {"accelerator", run.accelerator},
            {"finished", run.finished},
            {"probe",
             {{"verdict", run.probe.verdict},
              {"device", run.probe.device},
              {"drivers", run.probe.drivers},
              {"jobs", run.probe.jobs},
              {"fenced", run.probe.fenced},
              {"unsignalled_in_flight", run.probe.unsignalled_in_flight},
              {"signalled_done", run.probe.signalled_done},
              {"stub", run.probe.stub},
              {"errors", run.probe.error_lines}}},
            {"summary", to_json(run.summary)},
            {"artifacts", run.artifacts.string()}};
}

std::string verdict(bool passed, const Context& context) {
    return passed ? context.paint("passed", "32") : context.paint("FAILED", "31");
}

void print_report(const validate::QemuLaneReport& report, bool dry_run, const Context& context) {
    std::cout << report.series << " " << report.version << " on " << report.tree << " @ " << report.base.substr(0, 12)
              << (report.lane == qemu_lane ? " under qemu" : " under qemu, booted by LAVA (" + report.lane + ")")
              << (dry_run ? " (dry run: nothing is built or recorded)" : "") << "\n";
    if (!report.overlay.empty()) {
        std::cout << "validation overlay (never mailed):\n";
        for (const auto& patch : report.overlay) std::cout << "  " << patch << "\n";
    }
    if (dry_run && report.lane == qemu_lane) {
        std::cout << "\nplan:\n";
        for (size_t i = 0; i < report.plan.size(); ++i) std::cout << "  " << i + 1 << ". " << report.plan[i] << "\n";
        return;
    }
    if (dry_run) {
        // The job definitions whole, as LAVA gets them.
        for (const auto& [label, job] : report.boots) std::cout << "\n# LAVA job: " << label << "\n" << job;
        return;
    }
    series::Table table({"KERNEL", "UNAME", "BUILD", "BOOT", "PROBE", "FENCES INIT/SIGNALLED", "VB2 QUEUE/DONE",
                         "REPORTS (SERIES)", "VERDICT"});
    for (const auto& run : report.runs) {
        const auto& summary = run.summary;
        auto count = [&](const char* event) { return std::to_string(summary.trace.count(event)); };
        std::string build = run.reused ? "reused" : std::to_string(static_cast<int>(run.build_seconds)) + " s";
        std::string boot = std::to_string(static_cast<int>(run.boot_seconds + 0.5)) + " s " + run.accelerator;
        table.add({run.label, summary.kernel, build, boot,
                   run.probe.verdict.empty() ? "-" : run.probe.verdict + " (want " + run.expected_probe + ")",
                   count("dma_fence_init") + "/" + count("dma_fence_signaled"),
                   count("vb2_buf_queue") + "/" + count("vb2_buf_done"),
                   std::to_string(summary.reports.size()) + " (" + std::to_string(summary.reports_in_series()) + ")",
                   verdict(summary.passed(), context)});
    }
    std::cout << "\n" << table.render();
    for (const auto& run : report.runs) {
        for (const auto& line : run.probe.job_lines)
            if (line.rfind("job 0 ", 0) == 0) std::cout << "  " << run.label << ": " << line << "\n";
        for (const auto& problem : run.summary.problems) std::cout << "  " << run.label << ": " << problem << "\n";
        for (const auto& kernel_report : run.summary.reports)
            if (!kernel_report.in_series)
                std::cout << "  " << run.label << ": unrelated " << to_string(kernel_report.kind) << " ("
                          << (kernel_report.culprit_built_in ? "built-in " : "module ") << kernel_report.culprit
                          << "): " << kernel_report.title << "\n";
    }
    std::cout << "\n";
    for (const auto& [gate, passed] : report.gates) std::cout << "gate " << gate << " " << verdict(passed, context) << "\n";
    if (!report.runs.empty()) std::cout << "artifacts: " << report.runs.front().artifacts.parent_path().string() << "\n";
}

void run_qemu(const ValidateOptions& options, Context& context, const validate::LaneBoot& boot) {
    const repo::Project& project = context.project();
    validate::QemuLaneRequest request;
    request.series = project.resolve_series(options.series);
    request.version = options.version;
    request.ab = options.ab;
    request.dry_run = options.dry_run;
    request.boot_args = options.boot_args;
    request.jobs = jobs_or_cores(options.jobs);
    validate::QemuLaneReport report;
    {
        Progress progress;
        report = validate::run_qemu_lane(
            project, context.trees(), request, [&](const std::string& what) { progress.update(what); }, boot);
    }
    for (const auto& [gate, passed] : report.gates)
        if (!passed) context.exit_status = util::exit_findings;
    if (context.options.json) {
        nlohmann::json out = {{"series", report.series}, {"version", report.version}, {"tree", report.tree},
                              {"base", report.base},     {"overlay", report.overlay}, {"plan", report.plan},
                              {"dry_run", options.dry_run}};
        out["runs"] = nlohmann::json::array();
        for (const auto& kernel : report.runs) out["runs"].push_back(run_json(kernel));
        out["lane"] = report.lane;
        for (const auto& [label, described] : report.boots) out["boots"][label] = described;
        for (const auto& [gate, passed] : report.gates) out["gates"][gate] = passed ? "passed" : "failed";
        std::cout << out.dump(2) << "\n";
        return;
    }
    print_report(report, options.dry_run, context);
}

void run(const ValidateOptions& options, Context& context) {
    if (options.hw == qemu_lane) return run_qemu(options, context, validate::boot_here());
    if (options.hw.rfind(lava_prefix, 0) == 0) {
        auto farm = validate::load_lava_farm(context.project().config_dir(), util::user_config_dir());
        return run_qemu(options, context, validate::lava_boot(options.hw.substr(lava_prefix.size()), farm));
    }
    if (options.ab || !options.boot_args.empty() || options.jobs != 0)
        throw util::Error("validate --hw " + options.hw + ": --ab, --boot-arg and --jobs are for --hw qemu and lava:TYPE");
    run_board(options, context);
}

}  // namespace

void setup_validate(CLI::App& app, Context& context) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* verb = app.add_subcommand(
        "validate", "Build, boot and exercise the series on a board (ssh) or under qemu; judge traces, lockdep, frames");
    add_version_options(verb, options->series, options->version);
    verb->add_option("--hw", options->hw,
                     "Where to run: qemu (here), lava:TYPE (the qemu lane's kernels as a LAVA job: lava-run here for "
                     "qemu, or the farm of config/hosts.yaml), or a board of config/hosts.yaml")
        ->required();
    verb->add_flag("--dry-run", options->dry_run, "Print every step (host, command, timeout); build, run and record nothing");
    verb->add_flag("--ab", options->ab, "qemu: also run the base kernel without the series (it must show the stub fence)");
    verb->add_option("--boot-arg", options->boot_args,
                     "qemu: extra kernel command line word (e.g. lockdep_demo.run=1: a report that must be called unrelated)");
    verb->add_option("-j,--jobs", options->jobs, "qemu: parallel compiles (default: the core count)");
    verb->callback([options, &context] { run(*options, context); });
}

}  // namespace seriesctl::cli
