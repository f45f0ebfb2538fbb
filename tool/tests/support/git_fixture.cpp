#include "support/git_fixture.h"

#include <algorithm>
#include <stdexcept>

#include "support/temp_dir.h"
#include "support/source_paths.h"

namespace seriesctl::test {

std::vector<std::pair<std::string, std::string>> git_test_env() {
    return {{"GIT_CONFIG_GLOBAL", "/dev/null"},
            {"GIT_CONFIG_NOSYSTEM", "1"},
            {"GIT_AUTHOR_NAME", "Ada Tester"},
            {"GIT_AUTHOR_EMAIL", "ada@example.org"},
            {"GIT_COMMITTER_NAME", "Ada Tester"},
            {"GIT_COMMITTER_EMAIL", "ada@example.org"},
            {"GIT_AUTHOR_DATE", "2026-05-01T10:00:00+00:00"},
            {"GIT_COMMITTER_DATE", "2026-05-01T10:00:00+00:00"}};
}

std::string run_ok(const proc::Command& command, std::string_view input) {
    proc::ProcessResult result = run_command(command, input);
    if (!result.ok())
        throw std::runtime_error(command.display() + " exited " + std::to_string(result.exit_code) + ": " + result.err);
    return result.out;
}

GitRepo::GitRepo(std::filesystem::path dir) : dir_(std::move(dir)) {
    std::filesystem::create_directories(dir_);
    git({"init", "-q", "-b", "main"});
}

std::string GitRepo::git(const std::vector<std::string>& args, std::string_view input) const {
    proc::Command command{{"git"}, dir_, git_test_env()};
    command.argv.insert(command.argv.end(), args.begin(), args.end());
    return run_ok(command, input);
}

void GitRepo::write(const std::string& path, const std::string& content) const {
    seriesctl::test::write(dir_ / path, content);
}

std::string GitRepo::commit(const std::string& message) const {
    git({"add", "-A"});
    git({"commit", "-q", "-m", message});
    std::string id = git({"rev-parse", "HEAD"});
    id.erase(std::remove(id.begin(), id.end(), '\n'), id.end());
    return id;
}

std::vector<std::filesystem::path> GitRepo::format_patch(const std::string& range, const std::filesystem::path& out,
                                                         const std::vector<std::string>& extra) const {
    std::vector<std::string> args = {"format-patch", "-q", "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(range);
    git(args);
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(out)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

proc::Command seriesctl_command(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                          const std::filesystem::path& home) {
    proc::Command command{{test::seriesctl_binary()}, cwd, git_test_env()};
    command.argv.insert(command.argv.end(), args.begin(), args.end());
    command.env.push_back({"XDG_CACHE_HOME", (home / "cache").string()});
    command.env.push_back({"XDG_CONFIG_HOME", (home / "config").string()});
    command.env.push_back({"HOME", home.string()});
    command.env.push_back({"NO_COLOR", "1"});
    return command;
}

proc::ProcessResult run_seriesctl(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                            const std::filesystem::path& home) {
    return run_command(seriesctl_command(args, cwd, home));
}

}  // namespace seriesctl::test
