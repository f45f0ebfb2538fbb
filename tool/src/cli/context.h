#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <optional>
#include <string>

#include "build/build_config.h"
#include "config/lore_config.h"
#include "config/tree_config.h"
#include "hw/host_config.h"
#include "repo/project.h"

namespace seriesctl::cli {

/// The options every verb shares: the only global state there is.
struct GlobalOptions {
    std::string root;  ///< --root, else $SERIESCTL_ROOT, else found from cwd
    bool json = false;
    std::string color = "auto";  ///< auto: on a TTY without NO_COLOR; always; never
};

/// What a verb needs before it runs, declared beside it in main's verb
/// table (as git.c's RUN_SETUP): main finds the checkout and reads each
/// config file once, by the rule of config/layered.h, before the verb's
/// callback; a bad file stops every verb that needs it, with one line.
enum Need : unsigned {
    needs_checkout = 1u << 0,          ///< the seriesctl checkout (Project)
    needs_trees = 1u << 1,             ///< config/trees.yaml
    needs_lore = 1u << 2,              ///< config/lore.yaml
    needs_hosts = 1u << 3,             ///< config/hosts.yaml
    needs_build_arches = 1u << 4,      ///< config/build.yaml
    needs_subject_prefixes = 1u << 5,  ///< config/subject-prefixes.yaml
};

/// What a verb's callback gets: the shared options, what its table entry
/// declared, and a place for its exit status (0 fine, 1 ran and found
/// problems; errors throw).
class Context {
public:
    GlobalOptions options;
    int exit_status = 0;

    /// Builds what `needs` names (every config implies the checkout).
    void prepare(unsigned needs);

    // What was prepared; asking for what the verb did not declare is a
    // mistake in the verb table (std::logic_error, "internal error").
    const repo::Project& project() const;
    const config::TreeConfig& trees() const;
    const config::LoreConfig& lore() const;
    const hw::HostConfig& hosts() const;
    const std::map<std::string, build::BuildArch>& build_arches() const;
    const std::map<std::string, std::string>& subject_prefixes() const;

    /// Wraps text in an ANSI colour when colour is on.
    std::string paint(const std::string& text, const char* ansi) const;

private:
    std::optional<repo::Project> project_;
    std::optional<config::TreeConfig> trees_;
    std::optional<config::LoreConfig> lore_;
    std::optional<hw::HostConfig> hosts_;
    std::optional<std::map<std::string, build::BuildArch>> build_arches_;
    std::optional<std::map<std::string, std::string>> subject_prefixes_;
};

/// The positional SERIES and --version vN every per-version verb takes.
void add_version_options(CLI::App* verb, std::string& series, std::string& version);

/// -j/--jobs as given, or the core count when it was not (0).
int jobs_or_cores(int jobs);

/// A verb: adds its subcommand, options and callback to the app.
using VerbSetup = void (*)(CLI::App& app, Context& context);

void setup_status(CLI::App& app, Context& context);
void setup_check(CLI::App& app, Context& context);
void setup_build(CLI::App& app, Context& context);
void setup_tree(CLI::App& app, Context& context);
void setup_rebase(CLI::App& app, Context& context);
void setup_watch(CLI::App& app, Context& context);
void setup_validate(CLI::App& app, Context& context);
void setup_new_version(CLI::App& app, Context& context);
void setup_reviews(CLI::App& app, Context& context);
void setup_trailers(CLI::App& app, Context& context);
void setup_diff(CLI::App& app, Context& context);
void setup_cover(CLI::App& app, Context& context);
void setup_send(CLI::App& app, Context& context);

/// Progress on stderr for anything that takes more than a moment: one line
/// rewritten in place on a TTY, plain lines otherwise (logs, CI).
class Progress {
public:
    Progress();
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    void update(const std::string& text);

private:
    bool tty_;
    bool line_open_ = false;
};

}  // namespace seriesctl::cli
