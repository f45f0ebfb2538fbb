#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "repo/project.h"

namespace seriesctl::cli {

/// The options every verb shares: the only global state there is.
struct GlobalOptions {
    std::string root;  ///< --root, else $SERIESCTL_ROOT, else found from cwd
    bool json = false;
    std::string color = "auto";  ///< auto: on a TTY without NO_COLOR; always; never
};

/// What a verb's callback gets: the shared options and a place for its exit
/// status (0 fine, 1 ran and found problems; errors throw).
struct Context {
    GlobalOptions options;
    int exit_status = 0;

    Project project() const;
    /// Wraps text in an ANSI colour when colour is on.
    std::string paint(const std::string& text, const char* ansi) const;
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
