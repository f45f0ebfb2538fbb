#include <iostream>
#include <nlohmann/json.hpp>

#include "check/check_job.h"
#include "cli/context.h"
#include "series/table.h"
#include "util/error.h"

namespace seriesctl::cli {

namespace {

struct CheckOptions {
    std::string series;
    std::string version;
    std::string tree;
};

std::string place(const check::Finding& finding) {
    if (!finding.file.empty()) return finding.file + ":" + std::to_string(finding.line);
    if (finding.patch_line) return "message line " + std::to_string(finding.patch_line);
    return "-";
}

void run(const CheckOptions& options, Context& context) {
    const repo::Project& project = context.project();
    check::CheckRequest request{project.resolve_series(options.series), options.version, options.tree};
    check::CheckReport report;
    {
        Progress progress;
        report = check::run_check(project, context.trees(), context.subject_prefixes(), request,
                           [&](const std::string& what) { progress.update(what); });
    }
    check::FindingCounts checkpatch = check::count_findings(report.findings, "checkpatch");
    size_t lints = check::count_findings(report.findings, "lint").errors +
                   check::count_findings(report.findings, "lint").warnings +
                   check::count_findings(report.findings, "lint").checks;
    if (!report.findings.empty()) context.exit_status = util::exit_findings;

    if (context.options.json) {
        nlohmann::json out = {{"series", report.series},   {"version", report.version},
                              {"tree", report.tree},       {"commit", report.commit},
                              {"base-note", report.base_note},
                              {"patches", report.patches}, {"checkpatch", report.checkpatch_version},
                              {"log", report.log.string()}};
        out["findings"] = nlohmann::json::array();
        for (const auto& f : report.findings)
            out["findings"].push_back({{"patch", f.patch}, {"source", f.source}, {"level", f.level},
                                       {"type", f.type}, {"message", f.message}, {"file", f.file},
                                       {"line", f.line}, {"patch_line", f.patch_line}});
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (!report.findings.empty()) {
        series::Table table({"PATCH", "WHERE", "LEVEL", "TYPE", "MESSAGE"});
        for (const auto& f : report.findings)
            table.add({f.patch ? std::to_string(f.patch) : "series", place(f),
                       context.paint(f.level, f.level == "ERROR" ? "31" : "33"), f.type, f.message});
        std::cout << table.render() << "\n";
    }
    if (!report.base_note.empty()) std::cout << "note: " << report.base_note << "\n";
    std::cout << report.series << " " << report.version << " on " << report.tree << " (" << report.commit.substr(0, 12)
              << "): checkpatch --strict " << checkpatch.errors << " errors, " << checkpatch.warnings << " warnings, "
              << checkpatch.checks << " checks on " << report.patches << " patches; lints: " << lints
              << " findings\n";
    std::cout << "gates checkpatch and lint "
              << (report.findings.empty() ? context.paint("passed", "32") : context.paint("failed", "31"))
              << "; log: " << report.log.string() << "\n";
}

}  // namespace

void setup_check(CLI::App& app, Context& context) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* verb = app.add_subcommand("check", "checkpatch --strict and series lints on a version; records the gates");
    add_version_options(verb, options->series, options->version);
    verb->add_option("--tree", options->tree, "Tree whose checkpatch to use (default: the version's base tree)");
    verb->callback([options, &context] { run(*options, context); });
}

}  // namespace seriesctl::cli
