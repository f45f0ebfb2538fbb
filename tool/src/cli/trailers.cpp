#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "lifecycle/carry_trailers.h"
#include "series/table.h"
#include "util/error.h"

namespace seriesctl::cli {

namespace {

struct TrailersOptions {
    std::string series;
    std::string version;
    bool force = false;
};

nlohmann::json carried_json(const std::vector<series::CarriedTrailer>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& carried : list)
        out.push_back({{"patch", carried.patch}, {"trailer", carried.trailer}, {"review", carried.review},
                       {"given_on", carried.given_on}});
    return out;
}

void run_trailers(const TrailersOptions& options, Context& context) {
    const repo::Project& project = context.project();
    lifecycle::TrailersOutcome outcome =
        lifecycle::carry_trailers(project, options.series, options.version, options.force);
    const series::TrailerPlan& plan = outcome.plan;
    bool flagged = !plan.code_changed.empty() && !options.force;
    if (flagged || !plan.objections.empty()) context.exit_status = util::exit_findings;
    if (context.options.json) {
        nlohmann::json added = nlohmann::json::array();
        for (const auto& patch : plan.add)
            for (const auto& carried : carried_json(patch)) added.push_back(carried);
        std::cout << nlohmann::json({{"series", outcome.series},
                                     {"version", outcome.version},
                                     {"added", added},
                                     {"code_changed", carried_json(plan.code_changed)},
                                     {"forced", options.force},
                                     {"present", carried_json(plan.present)},
                                     {"objections", carried_json(plan.objections)}})
                         .dump(2)
                  << "\n";
        return;
    }
    series::Table table({"PATCH", "TRAILER", "FROM", "WHAT"});
    auto add_rows = [&](const std::vector<series::CarriedTrailer>& list, const std::string& what) {
        for (const auto& carried : list)
            table.add({std::to_string(carried.patch), carried.trailer, carried.review + " (" + carried.given_on + ")",
                       what});
    };
    for (const auto& patch : plan.add) add_rows(patch, context.paint("added", "32"));
    add_rows(plan.code_changed, context.paint(options.force ? "code changed since; added (--force)"
                                                            : "code changed since; not added (--force adds it)",
                                              "33"));
    add_rows(plan.present, "already there");
    add_rows(plan.objections, context.paint("an objection: answer it, it is not carried", "31"));
    if (table.empty()) {
        std::cout << "no trailers given on versions before " << outcome.version << "\n";
        return;
    }
    std::cout << table.render() << (outcome.written.empty() ? "nothing written"
                                                            : "wrote " + std::to_string(outcome.written.size()) +
                                                                  " patch files of " + outcome.version)
              << "\n";
}

}  // namespace

void setup_trailers(CLI::App& app, Context& context) {
    auto options = std::make_shared<TrailersOptions>();
    CLI::App* verb = app.add_subcommand(
        "trailers", "Add the trailers reviewers gave on earlier versions to the draft's patches (as b4 trailers -u)");
    verb->add_option("series", options->series, "Series name (optional when there is one)");
    verb->add_option("--version", options->version, "Version whose files gain the trailers, vN (default: the draft)");
    verb->add_flag("--force", options->force, "Add trailers also to patches whose code changed since they were given");
    verb->callback([options, &context] { run_trailers(*options, context); });
}

}  // namespace seriesctl::cli
