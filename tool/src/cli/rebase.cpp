#include <iostream>

#include "cli/context.h"
#include "cli/rebase_render.h"
#include "rebase/rebase_version.h"
#include "util/error.h"
#include "util/xdg.h"

namespace seriesctl::cli {

namespace {

struct RebaseOptions {
    std::string series;
    std::string version;
    std::vector<std::string> onto;
    bool check = false;
};

void run_check(const RebaseOptions& options, Context& context) {
    const repo::Project& project = context.project();
    const config::TreeConfig& config = context.trees();
    patch::RebaseCheckReport check;
    {
        Progress progress;
        check = rebase::check_version(project, {options.series, options.version}, config, options.onto,
                                      tree::TreeStore(util::cache_dir()),
                                      [&](const std::string& what) { progress.update(what); });
    }
    size_t tried = 0;
    for (const auto& tree : check.trees) {
        if (tree.missing.empty()) ++tried;
        if (tree.missing.empty() && !tree.applies()) context.exit_status = util::exit_findings;
    }
    if (tried == 0) context.exit_status = util::exit_findings;  // nothing checked is not "applies everywhere"
    if (context.options.json) {
        nlohmann::json out = check_json(check);
        out["checked"] = tried;
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << render_check_text(check, [&](const std::string& text, const char* ansi) {
        return context.paint(text, ansi);
    });
    if (tried == 0)
        std::cout << "nothing was checked: none of the " << check.trees.size()
                  << " trees is in the cache (`seriesctl tree sync TREE` fetches one)\n";
}

void run_rebase(const RebaseOptions& options, Context& context) {
    if (options.onto.size() != 1) throw util::Error("rebase needs exactly one --onto TREE (or --check to try several)");
    const repo::Project& project = context.project();
    const config::TreeConfig& config = context.trees();
    rebase::RebaseOutcome outcome;
    {
        Progress progress;
        outcome = rebase::rebase_version(
            project, {options.series, options.version}, config::find_tree(config, options.onto.front()),
            tree::TreeStore(util::cache_dir()), [&](const std::string& what) { progress.update(what); });
    }
    if (!outcome.report.applies()) context.exit_status = util::exit_findings;
    if (context.options.json) {
        nlohmann::json out = tree_json(outcome.report);
        out["series"] = outcome.series;
        out["version"] = outcome.version;
        out["written"] = nlohmann::json::array();
        for (const auto& file : outcome.written) out["written"].push_back(file.string());
        if (!outcome.tip.empty()) out["tip"] = outcome.tip;
        if (!outcome.written.empty())
            out["base"] = {{"tree", outcome.base.tree}, {"upstream", outcome.base.upstream}, {"commit", outcome.base.commit}};
        if (outcome.declares) {
            out["base-commit"] = outcome.declares->base_commit;
            out["prerequisite-patch-ids"] = outcome.declares->prerequisite_patch_ids;
        }
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << render_tree_text(outcome.version, outcome.report, [&](const std::string& text, const char* ansi) {
        return context.paint(text, ansi);
    });
    if (outcome.declares) {
        std::cout << outcome.report.tree << " carries unmerged series; a cover letter declares:\n  base-commit: "
                  << outcome.declares->base_commit << "\n";
        for (const auto& id : outcome.declares->prerequisite_patch_ids)
            std::cout << "  prerequisite-patch-id: " << id << "\n";
    }
    if (outcome.written.empty()) {
        std::cout << "nothing written\n";
        return;
    }
    std::cout << "wrote " << outcome.written.size() << " patches of " << outcome.version << " (commits up to "
              << outcome.tip.substr(0, 12) << "); base is now " << outcome.report.tree << " @ "
              << (outcome.base.upstream.empty() ? outcome.base.commit.substr(0, 12) : outcome.base.upstream) << "\n";
}

}  // namespace

void setup_rebase(CLI::App& app, Context& context) {
    auto options = std::make_shared<RebaseOptions>();
    CLI::App* verb = app.add_subcommand(
        "rebase", "Apply a version onto a tree in memory: per hunk clean / offset / fuzz / 3-way / conflict");
    add_version_options(verb, options->series, options->version);
    verb->add_option("--onto", options->onto,
                     "Tree from config/trees.yaml; with --check, any number (default: the series' targets, "
                     "else every tree)")
        ->allow_extra_args(false);  // one tree per --onto: a series name after it stays the series
    verb->add_flag("--check", options->check, "Only try: report every tree, write nothing");
    verb->callback([options, &context] {
        if (options->check)
            run_check(*options, context);
        else
            run_rebase(*options, context);
    });
}

}  // namespace seriesctl::cli
