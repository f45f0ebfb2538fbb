#include <iostream>

#include "cli/context.h"
#include "lifecycle/version_diff.h"
#include "util/xdg.h"

namespace seriesctl::cli {

namespace {

struct DiffOptions {
    std::string old_version;
    std::string new_version;
    std::string series;
};

void run_diff(const DiffOptions& options, Context& context) {
    const repo::Project& project = context.project();
    lifecycle::VersionDiff diff;
    {
        Progress progress;
        diff = lifecycle::diff_versions(project, context.trees(), options.series, options.old_version,
                                        options.new_version, tree::TreeStore(util::cache_dir()),
                                        [&](const std::string& what) { progress.update(what); });
    }
    if (context.options.json) {
        nlohmann::json out = lifecycle::render_range_diff_json(diff.old_version, diff.new_version, diff.pairs);
        out["series"] = diff.series;
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << lifecycle::render_range_diff_text(diff.old_version, diff.new_version, diff.pairs,
                                        [&](const std::string& text, const char* ansi) {
                                            return context.paint(text, ansi);
                                        });
}

}  // namespace

void setup_diff(CLI::App& app, Context& context) {
    auto options = std::make_shared<DiffOptions>();
    CLI::App* verb = app.add_subcommand(
        "diff", "Range-diff of two versions: each patch unchanged / message only / code changed / added / dropped");
    verb->add_option("old", options->old_version, "The earlier version, vN")->required();
    verb->add_option("new", options->new_version, "The later version, vM")->required();
    verb->add_option("series", options->series, "Series name (optional when there is one)");
    verb->callback([options, &context] { run_diff(*options, context); });
}

}  // namespace seriesctl::cli
