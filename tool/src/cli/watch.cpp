#include <chrono>
#include <ctime>
#include <iostream>
#include <thread>

#include "cli/context.h"
#include "config/lore_config.h"
#include "mail/mail_date.h"
#include "util/error.h"
#include "util/xdg.h"
#include "watch/poll.h"
#include "watch/watch_report.h"

namespace seriesctl::cli {

namespace {

struct WatchOptions {
    bool once = false;
    int interval = 0;   ///< 0: the config's poll-interval
    int max_polls = 0;  ///< 0: until stopped
    bool full = false;
};

void print(const watch::WatchReport& report, const Context& context, bool one_line_json) {
    if (context.options.json) {
        std::cout << (one_line_json ? watch::render_watch_json(report).dump()
                                    : watch::render_watch_json(report).dump(2))
                  << "\n";
    } else {
        std::cout << watch::render_watch_text(report, [&](const std::string& text, const char* ansi) {
            return context.paint(text, ansi);
        });
    }
    std::cout.flush();
}

// Lore first (replies and the radar), then the target trees (drift).
watch::WatchReport poll(const Context& context, const WatchOptions& options) {
    Progress progress;
    watch::PollOptions poll_options;
    poll_options.whole_threads = options.full;
    poll_options.progress = [&](const std::string& what) { progress.update(what); };
    poll_options.log = [](const std::string& what) { std::cerr << "seriesctl: watch: " << what << "\n"; };
    watch::WatchReport report = watch::poll_once(context.project(), context.lore(), poll_options);
    watch::DriftOptions drift_options;
    drift_options.now = std::time(nullptr);
    drift_options.progress = poll_options.progress;
    // The replies are stored by now: a drift check that fails is a note, not
    // a poll that says nothing of them.
    try {
        report.drift = watch::check_drift(context.project(), context.trees(), context.lore(),
                                          tree::TreeStore(util::cache_dir()), drift_options);
    } catch (const std::exception& e) {
        report.drift.notes.push_back(std::string("drift not checked: ") + e.what());
    }
    return report;
}

void run_watch(const WatchOptions& options, Context& context) {
    if (options.once) {
        watch::WatchReport report = poll(context, options);
        print(report, context, false);
        context.exit_status = report.news() ? util::exit_findings : util::exit_ok;
        return;
    }
    // Long-running: a failed poll is one line on stderr, and the next poll
    // comes as planned; the series files are never half-written.
    int interval = options.interval > 0 ? options.interval : context.lore().poll_interval;
    bool news = false;
    bool any_succeeded = false;
    for (int polls = 1;; ++polls) {
        try {
            watch::WatchReport report = poll(context, options);
            if (!context.options.json)
                std::cout << "poll " << polls << " at " << util::iso8601_utc(std::time(nullptr)) << ":\n";
            print(report, context, true);
            news = news || report.news();
            any_succeeded = true;
        } catch (const std::exception& e) {  // util::Error, and a file system error of the cache
            std::cerr << "seriesctl: watch: poll " << polls << " failed: " << e.what() << "\n";
        }
        if (options.max_polls > 0 && polls >= options.max_polls) break;
        std::this_thread::sleep_for(std::chrono::seconds(interval));
    }
    context.exit_status = !any_succeeded ? util::exit_error : news ? util::exit_findings : util::exit_ok;
}

}  // namespace

void setup_watch(CLI::App& app, Context& context) {
    auto options = std::make_shared<WatchOptions>();
    CLI::App* verb = app.add_subcommand(
        "watch", "Poll lore for replies to every sent version (stored as reviews) and for series touching our files, "
        "and check the newest ready or sent version on its target trees (drift)");
    CLI::Option* once =
        verb->add_flag("--once", options->once, "Poll once and exit: 1 when something is new, 0 when not (for cron)");
    verb->add_option("--interval", options->interval, "Seconds between polls (default: poll-interval in lore.yaml)")
        ->check(CLI::PositiveNumber)
        ->excludes(once);
    verb->add_option("--max-polls", options->max_polls, "Stop after this many polls (default: run until stopped)")
        ->check(CLI::PositiveNumber)
        ->excludes(once);
    verb->add_flag("--full", options->full, "Refetch every thread whole instead of searching for what is new");
    verb->callback([options, &context] { run_watch(*options, context); });
}

}  // namespace seriesctl::cli
