#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "cli/review_report.h"
#include "repo/series_file.h"
#include "series/lifecycle.h"

namespace seriesctl::cli {

namespace {

struct ReviewsOptions {
    std::string series;
    std::string version;
    std::string key;   ///< address: review id or message-id
    std::string note;
};

void run_list(const ReviewsOptions& options, Context& context) {
    const repo::Project& project = context.project();
    series::Series series = repo::load_series_file(project.series_file(project.resolve_series(options.series)));
    ReviewListing listing{&series, {}};
    if (!options.version.empty())
        listing.versions.push_back(&series.version(options.version));
    else
        for (const auto& version : series.versions) listing.versions.push_back(&version);
    if (context.options.json)
        std::cout << render_reviews_json(listing).dump(2) << "\n";
    else
        std::cout << render_reviews_text(listing, [&](const std::string& text, const char* ansi) {
            return context.paint(text, ansi);
        });
}

void run_address(const ReviewsOptions& options, Context& context) {
    const repo::Project& project = context.project();
    std::string name = project.resolve_series(options.series);
    std::string version, id;
    repo::update_series_file(project.series_file(name), [&](series::Series& series) {
        series::Version& draft = series::draft_version(series);
        series::ReviewAt found = series::find_review_by_key(series, options.key);
        series::address_review(draft, found, options.note);
        version = draft.name();
        id = found.review.id;
    });
    if (context.options.json)
        std::cout << nlohmann::json({{"series", name}, {"review", id}, {"addressed_in", version}}).dump(2) << "\n";
    else
        std::cout << "review " << id << " addressed in " << version << "; the changelog of " << version
                  << " answers it\n";
}

}  // namespace

void setup_reviews(CLI::App& app, Context& context) {
    auto options = std::make_shared<ReviewsOptions>();
    CLI::App* verb = app.add_subcommand("reviews", "Reviews received per version: who, patch, trailers, open or addressed");
    add_version_options(verb, options->series, options->version);
    CLI::App* address = verb->add_subcommand("address", "Mark a review addressed in the draft and link it to its changelog line");
    address->add_option("review", options->key, "Review id (v2-3) or the reply's message-id")->required();
    address->add_option("--note", options->note, "How the draft answers it (becomes the changelog line)")->required();
    address->add_option("--series", options->series, "Series name (optional when there is one)");
    verb->callback([options, &context, address] {
        if (address->parsed())
            run_address(*options, context);
        else
            run_list(*options, context);
    });
}

}  // namespace seriesctl::cli
