#include "rebase/format_patch.h"

#include <algorithm>

#include "proc/subprocess.h"
#include "util/atomic_file.h"
#include "util/scratch_dir.h"

namespace seriesctl::rebase {

std::vector<std::string> format_patch(const std::filesystem::path& git_dir, const std::string& base,
                                      const std::string& tip, const std::vector<std::string>& options,
                                      const std::string& notes_ref, const std::filesystem::path& scratch_parent) {
    util::ScratchDir out(scratch_parent);
    proc::Command command{{"git", "--git-dir=" + git_dir.string(), "format-patch", "-q", "-o", out.path().string()},
                    {},
                    {{"GIT_CONFIG_NOSYSTEM", "1"}, {"GIT_CONFIG_GLOBAL", "/dev/null"}, {"GIT_NOTES_REF", notes_ref}}};
    command.argv.insert(command.argv.end(), options.begin(), options.end());
    command.argv.push_back(base + ".." + tip);
    proc::run_checked(command, "git format-patch");

    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(out.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // "0001-…", "0002-…": series order
    std::vector<std::string> texts;
    for (const auto& file : files) texts.push_back(util::read_file(file));
    return texts;
}

}  // namespace seriesctl::rebase
