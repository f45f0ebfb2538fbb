#include "cli/context.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <unistd.h>

namespace seriesctl::cli {

Project Context::project() const {
    std::string root = options.root;
    if (root.empty())
        if (const char* env = std::getenv("SERIESCTL_ROOT")) root = env;
    return Project::find(std::filesystem::current_path(), root);
}

std::string Context::paint(const std::string& text, const char* ansi) const {
    bool on = options.color == "always" ||
              (options.color == "auto" && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
    if (!on) return text;
    return std::string("\033[") + ansi + "m" + text + "\033[0m";
}

void add_version_options(CLI::App* verb, std::string& series, std::string& version) {
    verb->add_option("series", series, "Series name (optional when there is one)");
    verb->add_option("--version", version, "Version, vN (default: the newest); --vN for short");
}

int jobs_or_cores(int jobs) {
    return jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

Progress::Progress() : tty_(::isatty(STDERR_FILENO)) {}

Progress::~Progress() {
    if (line_open_) std::fputs("\n", stderr);
}

void Progress::update(const std::string& text) {
    if (tty_) {
        std::fprintf(stderr, "\r\033[K%s", text.c_str());
        line_open_ = true;
    } else {
        std::fprintf(stderr, "%s\n", text.c_str());
    }
    std::fflush(stderr);
}

}  // namespace seriesctl::cli
