#include "cli/context.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <thread>
#include <unistd.h>

#include "check/subject_prefixes.h"
#include "config/config_files.h"
#include "util/xdg.h"

namespace seriesctl::cli {

namespace {

template <typename T>
const T& prepared(const std::optional<T>& value, const char* need) {
    if (!value) throw std::logic_error(std::string("the verb table does not declare ") + need);
    return *value;
}

}  // namespace

void Context::prepare(unsigned needs) {
    if (needs == 0) return;
    std::string root = options.root;
    if (root.empty())
        if (const char* env = std::getenv("SERIESCTL_ROOT")) root = env;
    project_ = repo::Project::find(std::filesystem::current_path(), root);
    std::filesystem::path shipped = project_->config_dir();
    std::filesystem::path user = util::user_config_dir();
    if (needs & needs_trees) trees_ = config::load_tree_config(shipped, user);
    if (needs & needs_lore) lore_ = config::load_lore_config(shipped, user);
    if (needs & needs_hosts) hosts_ = hw::load_host_config(shipped, user);
    if (needs & needs_build_arches) build_arches_ = build::load_build_arches(shipped, user);
    if (needs & needs_subject_prefixes) subject_prefixes_ = check::load_subject_prefixes(shipped, user);
}

const repo::Project& Context::project() const { return prepared(project_, "needs_checkout"); }
const config::TreeConfig& Context::trees() const { return prepared(trees_, "needs_trees"); }
const config::LoreConfig& Context::lore() const { return prepared(lore_, "needs_lore"); }
const hw::HostConfig& Context::hosts() const { return prepared(hosts_, "needs_hosts"); }
const std::map<std::string, build::BuildArch>& Context::build_arches() const {
    return prepared(build_arches_, "needs_build_arches");
}
const std::map<std::string, std::string>& Context::subject_prefixes() const {
    return prepared(subject_prefixes_, "needs_subject_prefixes");
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
