// seriesctl: a Linux kernel patch series as data, from patches to the list.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <regex>
#include <string_view>
#include <unistd.h>

#include "cli/context.h"
#include "git/handle.h"
#include "util/error.h"

using namespace seriesctl;

namespace {

struct VerbEntry {
    const char* name;
    cli::VerbSetup setup;
    unsigned needs;  ///< cli::Need bits: built once in the context before the verb runs
};

using namespace cli;

// The verbs; each lives in src/cli/<verb>.cpp.
const VerbEntry verbs[] = {
    {"status", setup_status, needs_checkout | needs_trees},
    {"check", setup_check, needs_checkout | needs_trees | needs_subject_prefixes},
    {"build", setup_build, needs_checkout | needs_trees | needs_build_arches},
    {"tree", setup_tree, needs_checkout | needs_trees | needs_lore},
    {"rebase", setup_rebase, needs_checkout | needs_trees},
    {"watch", setup_watch, needs_checkout | needs_trees | needs_lore},
    {"validate", setup_validate, needs_checkout | needs_trees | needs_hosts},
    {"new-version", setup_new_version, needs_checkout},
    {"reviews", setup_reviews, needs_checkout},
    {"trailers", setup_trailers, needs_checkout},
    {"diff", setup_diff, needs_checkout | needs_trees},
    {"cover", setup_cover, needs_checkout | needs_trees | needs_lore},
    {"send", setup_send, needs_checkout | needs_trees | needs_lore},
};

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Whether `arg` is a global option whose value is the next argument
// ("--color never"): the app's own declarations say which take one.
bool takes_next_value(const CLI::App& app, std::string_view arg) {
    if (arg.size() < 3 || arg.substr(0, 2) != "--" || arg.find('=') != std::string_view::npos) return false;
    for (const CLI::Option* option : app.get_options())
        for (const auto& name : option->get_lnames())
            if (arg.substr(2) == name) return option->get_expected_min() > 0;
    return false;
}

// "seriesctl stauts" → "did you mean 'status'?", like git and ninja.
bool reject_unknown_verb(const CLI::App& app, int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (takes_next_value(app, arg)) {
            ++i;
            continue;
        }
        if (arg.empty() || arg[0] == '-') continue;
        for (const auto& verb : verbs)
            if (arg == verb.name) return false;
        std::string best;
        size_t best_distance = 3;
        for (const auto& verb : verbs) {
            size_t distance = edit_distance(arg, verb.name);
            if (distance < best_distance) best_distance = distance, best = verb.name;
        }
        std::cerr << "seriesctl: unknown command '" << arg << "'"
                  << (best.empty() ? "" : " (did you mean '" + best + "'?)") << "; see seriesctl --help\n";
        return true;
    }
    return false;
}

// "--v2" is short for "--version v2" (the user's own words: send --v2).
// CLI11 takes the arguments in reverse order.
std::vector<std::string> expand_version_shorthand(int argc, char** argv) {
    static const std::regex shorthand("--(v[1-9][0-9]*)");
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        std::cmatch match;
        if (std::regex_match(argv[i], match, shorthand)) {
            args.push_back("--version");
            args.push_back(match[1]);
        } else {
            args.push_back(argv[i]);
        }
    }
    std::reverse(args.begin(), args.end());
    return args;
}

}  // namespace

int main(int argc, char** argv) {
    git::Library libgit2;
    cli::Context context;
    CLI::App app{"seriesctl: a Linux kernel patch series as data, from patches to the mailing list"};
    app.set_version_flag("--version", std::string("seriesctl ") + SERIESCTL_VERSION);
    app.require_subcommand(1);
    app.add_option("--root", context.options.root, "The seriesctl checkout (default: found from the working directory)");
    app.add_flag("--json", context.options.json, "Machine-readable output");
    app.add_option("--color", context.options.color, "Colour: auto (on a TTY without NO_COLOR), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.fallthrough();
    for (const auto& verb : verbs) verb.setup(app, context);
    // After the options are parsed (--root may follow the verb), before the
    // verb's own callback runs.
    app.parse_complete_callback([&] {
        for (const CLI::App* chosen : app.get_subcommands())
            for (const auto& verb : verbs)
                if (chosen->get_name() == verb.name) context.prepare(verb.needs);
    });

    if (reject_unknown_verb(app, argc, argv)) return util::exit_error;
    std::vector<std::string> args = expand_version_shorthand(argc, argv);
    try {
        app.parse(args);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? util::exit_ok : util::exit_error;
    } catch (const util::Error& e) {
        std::cerr << "seriesctl: " << e.what() << "\n";
        return util::exit_error;
    } catch (const std::exception& e) {
        std::cerr << "seriesctl: internal error: " << e.what() << "\n";
        return util::exit_error;
    }
    return context.exit_status;
}
