#include <iostream>

#include "cli/context.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "series/status_report.h"
#include "tree/base_standing.h"
#include "tree/tarball_import.h"
#include "util/clock.h"
#include "util/error.h"
#include "watch/drift_check.h"
#include "util/xdg.h"

namespace seriesctl::cli {

namespace {

struct StatusOptions {
    std::string series;
};

void run_status(const StatusOptions& options, Context& context) {
    const repo::Project& project = context.project();
    series::Series series = repo::load_series_file(project.series_file(project.resolve_series(options.series)));

    series::StatusReport report;
    report.series = &series;
    std::vector<patch::PatchFile> newest_patches;
    for (const auto& version : series.versions) {
        series::VersionSummary summary;
        summary.version = &version;
        try {
            auto patches = repo::load_version_patches(project, version);
            summary.patches = static_cast<int>(patches.size());
            if (&version == &series.versions.back()) newest_patches = std::move(patches);
        } catch (const util::Error& e) {
            summary.patch_problem = e.what();
        }
        report.versions.push_back(summary);
    }
    tree::TreeStore store(util::cache_dir());
    if (!series.versions.empty()) {
        const series::Version& newest = series.versions.back();
        report.gates_of = newest.name();
        const config::TreeConfig& trees = context.trees();
        std::string pending;
        if (auto tree = trees.find(series.tree_of(newest)); tree != trees.end())
            pending = tree::pending_import(tree->second, store);
        if (!pending.empty()) report.notes.push_back(pending);
        tree::BaseStanding base = tree::base_standing(trees, store, series.tree_of(newest), newest);
        if (!base.note().empty() && !(base.state == tree::BaseStanding::State::tree_missing && !pending.empty()))
            report.notes.push_back(base.note());
        report.gates =
            series::gate_statuses(series, newest, repo::current_content(project, series, newest_patches, base.tip));
    }

    watch::DriftState drift = watch::load_drift_state(project);
    for (const auto& target : series.targets) {
        series::TargetStanding standing{target};
        if (auto synced = store.synced_at(target)) standing.synced = util::iso8601_utc(*synced);
        if (const watch::TargetCheck* check = drift.find(series.name, target)) {
            standing.checked = util::iso8601_utc(check->checked);
            standing.version = check->version;
            standing.commit = check->commit;
            standing.standing = watch::to_string(check->standing);
        }
        report.targets.push_back(standing);
    }

    if (context.options.json)
        std::cout << series::render_status_json(report).dump(2) << "\n";
    else
        std::cout << series::render_status_text(report, [&](const std::string& text, const char* ansi) {
            return context.paint(text, ansi);
        });
    for (const auto& summary : report.versions)
        if (summary.patches < 0) context.exit_status = util::exit_findings;
}

}  // namespace

void setup_status(CLI::App& app, Context& context) {
    auto options = std::make_shared<StatusOptions>();
    CLI::App* verb = app.add_subcommand("status", "Versions, their state, gates and reviews not yet addressed");
    verb->add_option("series", options->series, "Series name (optional when there is one)");
    verb->callback([options, &context] { run_status(*options, context); });
}

}  // namespace seriesctl::cli
