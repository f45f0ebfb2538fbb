#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/context.h"
#include "core/error.h"
#include "core/table.h"
#include "validate/qemu_lane.h"

namespace seriesctl::cli {

namespace {

struct ValidateOptions {
    std::string series;
    std::string version;
    std::string hw;
    bool ab = false;
    bool dry_run = false;
    std::vector<std::string> boot_args;
    int jobs = 0;
};

nlohmann::json run_json(const QemuKernelRun& run) {
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

void print_report(const QemuLaneReport& report, bool dry_run, const Context& context) {
    std::cout << report.series << " " << report.version << " on " << report.tree << " @ " << report.base.substr(0, 12)
              << " under qemu" << (dry_run ? " (dry run: nothing is built or recorded)" : "") << "\n";
    if (!report.overlay.empty()) {
        std::cout << "validation overlay (never mailed):\n";
        for (const auto& patch : report.overlay) std::cout << "  " << patch << "\n";
    }
    if (dry_run) {
        std::cout << "\nplan:\n";
        for (size_t i = 0; i < report.plan.size(); ++i) std::cout << "  " << i + 1 << ". " << report.plan[i] << "\n";
        return;
    }
    Table table({"KERNEL", "UNAME", "BUILD", "BOOT", "PROBE", "FENCES INIT/SIGNALLED", "VB2 QUEUE/DONE", "REPORTS (SERIES)",
                 "VERDICT"});
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
    std::cout << "\ngate qemu " << verdict(report.passed(), context) << "\n";
    if (!report.runs.empty()) std::cout << "artifacts: " << report.runs.front().artifacts.parent_path().string() << "\n";
}

void run(const ValidateOptions& options, Context& context) {
    if (options.hw != "qemu") throw Error("validate --hw " + options.hw + ": no such lane here (known: qemu)");
    Project project = context.project();
    QemuLaneRequest request;
    request.series = project.resolve_series(options.series);
    request.version = options.version;
    request.ab = options.ab;
    request.dry_run = options.dry_run;
    request.boot_args = options.boot_args;
    request.jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    QemuLaneReport report;
    {
        Progress progress;
        report = run_qemu_lane(project, request, [&](const std::string& what) { progress.update(what); });
    }
    if (!options.dry_run && !report.passed()) context.exit_status = exit_findings;
    if (context.options.json) {
        nlohmann::json out = {{"series", report.series}, {"version", report.version}, {"tree", report.tree},
                              {"base", report.base},     {"overlay", report.overlay}, {"plan", report.plan},
                              {"dry_run", options.dry_run}};
        out["runs"] = nlohmann::json::array();
        for (const auto& kernel : report.runs) out["runs"].push_back(run_json(kernel));
        if (!options.dry_run) out["gates"]["qemu"] = report.passed() ? "passed" : "failed";
        std::cout << out.dump(2) << "\n";
        return;
    }
    print_report(report, options.dry_run, context);
}

}  // namespace

void setup_validate(CLI::App& app, Context& context) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* verb = app.add_subcommand("validate", "Build, boot and exercise the series; judge traces and lockdep");
    add_version_options(verb, options->series, options->version);
    verb->add_option("--hw", options->hw, "Where to run: qemu")->required();
    verb->add_flag("--ab", options->ab, "Also run the base kernel without the series (it must show the stub fence)");
    verb->add_flag("--dry-run", options->dry_run, "Print the plan; build, boot and record nothing");
    verb->add_option("--boot-arg", options->boot_args,
                     "Extra kernel command line word (e.g. lockdep_demo.run=1: a report that must be called unrelated)");
    verb->add_option("-j,--jobs", options->jobs, "Parallel compiles (default: the core count)");
    verb->callback([options, &context] { run(*options, context); });
}

}  // namespace seriesctl::cli
