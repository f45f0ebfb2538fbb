#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "lifecycle/new_version.h"
#include "series/lifecycle.h"

namespace seriesctl::cli {

namespace {

struct NewVersionOptions {
    std::string series;
    std::string from;
};

void run_new_version(const NewVersionOptions& options, Context& context) {
    const repo::Project& project = context.project();
    lifecycle::NewVersionOutcome outcome = lifecycle::new_version(project, options.series, options.from);
    const series::Version& created = outcome.created;
    if (context.options.json) {
        nlohmann::json out = {{"series", outcome.series}, {"version", created.name()}, {"from", outcome.from},
                              {"patches", created.patches}};
        out["files"] = nlohmann::json::array();
        for (const auto& file : outcome.files) out["files"].push_back(file.lexically_relative(project.root()).string());
        out["changelog"] = nlohmann::json::array();
        for (const auto& entry : created.changelog)
            out["changelog"].push_back({{"patch", entry.patch}, {"text", entry.text}, {"answers", entry.answers}});
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << outcome.series << " " << created.name() << " (draft) cut from " << outcome.from << ": "
              << outcome.files.size() << " patches in " << created.patches << "\n";
    if (created.changelog.empty()) {
        std::cout << "every review of " << outcome.from << " is addressed; the changelog starts empty\n";
        return;
    }
    std::cout << "changelog skeleton, one line per open review of " << outcome.from
              << " (`seriesctl reviews address ID --note ...` fills it):\n";
    for (const auto& entry : created.changelog)
        std::cout << "  " << (entry.patch == 0 ? "cover" : "patch " + std::to_string(entry.patch)) << ": "
                  << entry.text << "\n";
}

}  // namespace

void setup_new_version(CLI::App& app, Context& context) {
    auto options = std::make_shared<NewVersionOptions>();
    CLI::App* verb = app.add_subcommand(
        "new-version", "Cut the next version (a draft) from the newest: patches copied, changelog skeleton");
    verb->add_option("series", options->series, "Series name (optional when there is one)");
    verb->add_option("--from", options->from, "Version to start from, vN (default: the newest)");
    verb->callback([options, &context] { run_new_version(*options, context); });
}

}  // namespace seriesctl::cli
