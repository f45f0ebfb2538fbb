#include <iostream>
#include <nlohmann/json.hpp>

#include "build/build_job.h"
#include "cli/context.h"
#include "series/table.h"
#include "util/error.h"

namespace seriesctl::cli {

namespace {

struct BuildOptions {
    std::string series;
    std::string version;
    std::vector<std::string> arches;
    bool sparse = false;
    bool rebuild = false;
    int jobs = 0;
};

std::string cell_text(const build::BuildCell& cell, const Context& context) {
    if (!cell.ok) return context.paint("FAILED", "31") + " (" + std::to_string(cell.errors.size()) + " errors)";
    if (!cell.new_warnings.empty())
        return context.paint("+" + std::to_string(cell.new_warnings.size()) + " warnings", "33");
    return context.paint("ok", "32") + (cell.reused ? " (reused)" : "");
}

nlohmann::json diagnostics_json(const std::vector<build::Diagnostic>& diagnostics) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : diagnostics)
        out.push_back({{"file", d.file}, {"line", d.line}, {"kind", d.kind}, {"message", d.message}});
    return out;
}

void run(const BuildOptions& options, Context& context) {
    const repo::Project& project = context.project();
    build::BuildRequest request;
    request.series = project.resolve_series(options.series);
    request.version = options.version;
    request.arches = options.arches;
    request.sparse = options.sparse;
    request.reuse = !options.rebuild;
    request.jobs = jobs_or_cores(options.jobs);
    build::BuildReport report;
    {
        Progress progress;
        report = build::run_build(project, context.trees(), context.build_arches(), request,
                           [&](const std::string& what) { progress.update(what); });
    }
    bool all_passed = true;
    for (const auto& arch : report.arches) all_passed = all_passed && report.passed(arch);
    if (!all_passed) context.exit_status = util::exit_findings;

    if (context.options.json) {
        nlohmann::json out = {{"series", report.series}, {"version", report.version}, {"tree", report.tree},
                              {"base", report.base},     {"base-note", report.base_note},     {"targets", report.targets}, {"steps", report.steps},
                              {"logs", report.log_dir.string()}};
        for (const auto& arch : report.arches) out["gates"]["build-" + arch] = report.passed(arch) ? "passed" : "failed";
        out["cells"] = nlohmann::json::array();
        for (const auto& cell : report.cells)
            out["cells"].push_back({{"step", cell.step}, {"arch", cell.arch}, {"fragment", cell.fragment},
                                    {"ok", cell.ok}, {"reused", cell.reused}, {"warnings", cell.warnings},
                                    {"errors", diagnostics_json(cell.errors)},
                                    {"new_warnings", diagnostics_json(cell.new_warnings)}, {"log", cell.log}});
        std::cout << out.dump(2) << "\n";
        return;
    }

    std::vector<std::string> headers = {"STEP"};
    for (const auto& arch : report.arches)
        for (const auto& fragment : report.fragments) headers.push_back(arch + "/" + fragment);
    series::Table table(headers);
    for (size_t step = 0; step < report.steps.size(); ++step) {
        std::vector<std::string> row = {step == 0 ? "base" : std::to_string(step) + " " + report.steps[step]};
        for (const auto& cell : report.cells)
            if (cell.step == static_cast<int>(step)) row.push_back(cell_text(cell, context));
        table.add(row);
    }
    if (!report.base_note.empty()) std::cout << "note: " << report.base_note << "\n";
    std::cout << report.series << " " << report.version << " on " << report.tree << " @ " << report.base.substr(0, 12)
              << ", W=1" << (options.sparse ? " C=1" : "") << ", " << report.targets.size() << " objects:\n";
    for (const auto& target : report.targets) std::cout << "  " << target << "\n";
    std::cout << "\n" << table.render();
    for (const auto& cell : report.cells) {
        if (cell.ok && cell.new_warnings.empty()) continue;
        std::string who = cell.step == 0 ? "the base" : "patch " + std::to_string(cell.step) + " (" +
                                                            report.steps[cell.step] + ")";
        std::cout << "\n" << who << " on " << cell.arch << "/" << cell.fragment << ":\n";
        for (const auto& d : cell.errors)
            std::cout << "  " << d.file << ":" << d.line << ": " << context.paint("error", "31") << ": " << d.message << "\n";
        for (const auto& d : cell.new_warnings)
            std::cout << "  " << d.file << ":" << d.line << ": " << context.paint("warning", "33") << ": " << d.message << "\n";
        if (!cell.ok && cell.errors.empty()) std::cout << "  make failed; see " << cell.log << "\n";
    }
    if (!report.not_in_tree.empty()) std::cout << "\nfragment symbols no Kconfig defines yet (not an error):\n";
    for (const auto& [where, symbols] : report.not_in_tree) {
        std::cout << "  " << where << ":";
        for (const auto& symbol : symbols) std::cout << " " << symbol;
        std::cout << "\n";
    }
    std::cout << "\n";
    for (const auto& arch : report.arches)
        std::cout << "gate build-" << arch << " "
                  << (report.passed(arch) ? context.paint("passed", "32") : context.paint("failed", "31")) << "\n";
    std::cout << "logs: " << report.log_dir.string() << "\n";
}

}  // namespace

void setup_build(CLI::App& app, Context& context) {
    auto options = std::make_shared<BuildOptions>();
    CLI::App* verb = app.add_subcommand("build", "Compile what the series touches after every patch, per arch and config");
    add_version_options(verb, options->series, options->version);
    verb->add_option("--arch", options->arches, "Only these architectures (config/build.yaml)");
    verb->add_flag("--sparse", options->sparse, "Also run sparse (C=1)");
    verb->add_flag("--rebuild", options->rebuild, "Compile again even where an identical build's result exists");
    verb->add_option("-j,--jobs", options->jobs, "Parallel compiles (default: the core count)");
    verb->callback([options, &context] { run(*options, context); });
}

}  // namespace seriesctl::cli
