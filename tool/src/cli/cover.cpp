#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "repo/series_file.h"
#include "send/version_mails.h"
#include "series/cover_fields.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/scratch_dir.h"

namespace seriesctl::cli {

namespace {

struct CoverOptions {
    std::string series;
    std::string version;
    bool edit = false;
};

// $EDITOR on the cover's free text; what comes back replaces it, or
// nothing changes when it does not read.
void edit(const repo::Project& project, const repo::VersionAtHand& at_hand) {
    const char* editor = std::getenv("VISUAL");
    if (!editor || !*editor) editor = std::getenv("EDITOR");
    if (!editor || !*editor) throw util::Error("cover --edit needs $EDITOR (or $VISUAL)");
    util::ScratchDir scratch(std::filesystem::temp_directory_path());
    std::filesystem::path file = scratch.path() / (at_hand.series.name + "-" + at_hand.version().name() + "-cover.yaml");
    util::write_file_atomically(file, series::cover_fields_yaml(at_hand.version().cover));
    // The editor gets the terminal: stdin, stdout and stderr stay ours.
    std::string command = std::string(editor) + " \"" + file.string() + "\"";
    int status = std::system(command.c_str());
    if (status != 0) throw util::Error(std::string(editor) + " exited with status " + std::to_string(status) +
                                 "; the cover is unchanged");
    series::Cover edited = series::parse_cover_fields(util::read_file(file), file.string());
    const std::string version = at_hand.version().name();
    repo::update_series_file(project.series_file(at_hand.series.name), [&](series::Series& series) {
        series::Cover& cover = series.version(version).cover;
        cover.subject = edited.subject;
        cover.body = edited.body;
        cover.questions = edited.questions;
    });
}

void run(const CoverOptions& options, Context& context) {
    const repo::Project& project = context.project();
    std::string series = project.resolve_series(options.series);
    repo::VersionAtHand at_hand = repo::load_version_at_hand(project, series, options.version);
    if (options.edit) {
        edit(project, at_hand);
        at_hand = repo::load_version_at_hand(project, series, at_hand.version().name());
    }
    series::CoverFacts facts = send::cover_facts(project, context.trees(), context.lore(), at_hand);
    const series::Version& version = at_hand.version();
    std::string subject = send::cover_subject(at_hand);
    std::string body = send::cover_text(project, at_hand, facts);
    if (context.options.json) {
        std::cout << nlohmann::json{{"series", series}, {"version", version.name()}, {"subject", subject},
                                    {"body", body}}
                         .dump(2)
                  << "\n";
        return;
    }
    std::cout << "Subject: " << subject << "\n\n" << body;
}

}  // namespace

void setup_cover(CLI::App& app, Context& context) {
    auto options = std::make_shared<CoverOptions>();
    CLI::App* verb = app.add_subcommand("cover", "Print a version's cover letter, rendered from templates/cover.mustache");
    add_version_options(verb, options->series, options->version);
    verb->add_flag("--edit", options->edit, "Edit the free text (subject, body, questions) in $EDITOR first");
    verb->callback([options, &context] { run(*options, context); });
}

}  // namespace seriesctl::cli
