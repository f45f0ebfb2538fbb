#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli/context.h"
#include "core/error.h"
#include "hw/board_validation.h"
#include "hw/open_ssh.h"
#include "util/atomic_file.h"

namespace seriesctl::cli {

namespace {

struct ValidateOptions {
    std::string series;
    std::string version;
    std::string hw;
    bool dry_run = false;
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

void print_plan(const BoardPlan& plan, const Context& context) {
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
        const PlannedStep& step = plan.steps[i];
        std::cout << "\n" << i + 1 << ". " << step.name << ": " << step.kind << " on " << step.host << " (ssh "
                  << step.destination << "), timeout " << step.timeout << " s\n";
        for (const auto& command : step.commands) print_command(command);
        for (const auto& note : step.notes) std::cout << "    # " << note << "\n";
    }
}

std::string seconds_text(double seconds) { return std::to_string(static_cast<long>(seconds + 0.5)) + " s"; }

void print_run(const BoardValidation& run, const Context& context) {
    if (context.options.json) {
        std::cout << read_file(run.summary);
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

void run(const ValidateOptions& options, Context& context) {
    Project project = context.project();
    BoardRequest request{options.series, options.version, options.hw};
    if (options.dry_run) {
        print_plan(plan_board_validation(project, request), context);
        return;
    }
    OpenSsh ssh;
    BoardValidation result;
    {
        Progress progress;
        std::string current;
        bool tty = ::isatty(STDERR_FILENO);
        JobObserver observer{
            [&](size_t index, size_t total, const JobStep& step) {
                current = "[" + std::to_string(index + 1) + "/" + std::to_string(total) + "] " + step.name + " on " +
                          step.host + " (timeout " + std::to_string(step.timeout) + " s)";
                progress.update(current);
            },
            // Output scrolls past in place on a terminal; logs keep every line.
            [&](const std::string& line) {
                if (tty) progress.update(current + ": " + line.substr(0, 100));
            }};
        result = run_board_validation(project, request, ssh, observer);
    }
    print_run(result, context);
    if (const auto& failure = result.job.failure) {
        std::cerr << "seriesctl: step " << failure->step << " on " << failure->host << " failed: " << failure->reason
                  << "\n  command: " << failure->command.substr(0, failure->command.find('\n'))
                  << (failure->command.find('\n') != std::string::npos ? " …" : "") << "\n";
        if (!failure->last_lines.empty()) std::cerr << "  last output:\n";
        for (const auto& line : failure->last_lines) std::cerr << "    " << line << "\n";
        std::cerr << "  no gate recorded\n";
        context.exit_status = exit_error;
        return;
    }
    for (const auto& gate : result.gates)
        if (!gate.passed) context.exit_status = exit_findings;
}

}  // namespace

void setup_validate(CLI::App& app, Context& context) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* verb = app.add_subcommand("validate", "Run the series on a board (or qemu): build, boot, workloads, analysis");
    add_version_options(verb, options->series, options->version);
    verb->add_option("--hw", options->hw, "The board (config/hosts.yaml)")->required();
    verb->add_flag("--dry-run", options->dry_run, "Print every step, host, command and timeout; run nothing");
    verb->callback([options, &context] { run(*options, context); });
}

}  // namespace seriesctl::cli
