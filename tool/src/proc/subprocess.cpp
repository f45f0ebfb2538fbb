#include "proc/subprocess.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <spawn.h>
#include <sstream>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/error.h"

extern char** environ;

namespace seriesctl::proc {

namespace {

util::UniqueFd memory_file(const char* name) {
    util::UniqueFd fd(::memfd_create(name, MFD_CLOEXEC));
    if (!fd) throw util::Error(std::string("cannot create a capture file: ") + std::strerror(errno));
    return fd;
}

std::string read_back(const util::UniqueFd& fd) {
    std::string text;
    char buffer[65536];
    ::lseek(fd.get(), 0, SEEK_SET);
    for (;;) {
        ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buffer, static_cast<size_t>(n));
    }
    return text;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (auto& s : strings) result.push_back(s.data());
    result.push_back(nullptr);
    return result;
}

}  // namespace

std::vector<std::string> child_environment(const Command& command) {
    std::map<std::string, std::string> values;
    for (char** entry = environ; *entry; ++entry) {
        std::string_view text(*entry);
        auto eq = text.find('=');
        if (eq == std::string_view::npos) continue;
        values[std::string(text.substr(0, eq))] = std::string(text.substr(eq + 1));
    }
    for (const auto& [key, value] : command.env) values[key] = value;
    std::vector<std::string> merged;
    for (const auto& [key, value] : values) merged.push_back(key + "=" + value);
    return merged;
}

std::string Command::display() const {
    std::string text;
    for (const auto& arg : argv) {
        if (!text.empty()) text += ' ';
        text += arg;
    }
    return text;
}

std::string ProcessResult::tail(size_t n) const {
    const std::string& source = err.find_first_not_of(" \n") != std::string::npos ? err : out;
    std::vector<std::string> lines;
    std::istringstream in(source);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    std::string text;
    for (size_t i = lines.size() > n ? lines.size() - n : 0; i < lines.size(); ++i) {
        if (!text.empty()) text += '\n';
        text += lines[i];
    }
    return text;
}

Subprocess::Subprocess(const Command& command, Stdin stdin_mode)
    : name_(command.argv.empty() ? "" : command.argv[0]) {
    if (command.argv.empty()) throw util::Error("internal: empty command");
    out_ = memory_file("stdout");
    err_ = memory_file("stderr");

    int pipe_fds[2] = {-1, -1};
    if (stdin_mode == Stdin::pipe && ::pipe2(pipe_fds, O_CLOEXEC) != 0)
        throw util::Error(std::string("cannot create a pipe: ") + std::strerror(errno));
    util::UniqueFd read_end(pipe_fds[0]);
    stdin_ = util::UniqueFd(pipe_fds[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdin_mode == Stdin::pipe)
        posix_spawn_file_actions_adddup2(&actions, read_end.get(), 0);
    else
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_.get(), 1);
    posix_spawn_file_actions_adddup2(&actions, err_.get(), 2);
    if (!command.cwd.empty())
        posix_spawn_file_actions_addchdir_np(&actions, command.cwd.c_str());

    std::vector<std::string> args = command.argv;
    std::vector<std::string> env = child_environment(command);
    auto argv = pointers(args);
    auto envp = pointers(env);
    int rc = ::posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        pid_ = -1;
        throw util::Error("cannot run " + name_ + ": " + std::strerror(rc));
    }
}

Subprocess::~Subprocess() {
    if (pid_ > 0) {
        stdin_.reset();
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
}

void Subprocess::write(std::string_view data) {
    // A child that exits early must surface as an error, not kill us.
    std::signal(SIGPIPE, SIG_IGN);
    while (!data.empty()) {
        ssize_t n = ::write(stdin_.get(), data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw util::Error(name_ + " stopped reading its input: " + std::strerror(errno));
        data.remove_prefix(static_cast<size_t>(n));
    }
}

ProcessResult Subprocess::wait() {
    stdin_.reset();
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0) {
        if (errno != EINTR) throw util::Error("cannot wait for " + name_ + ": " + std::strerror(errno));
    }
    pid_ = -1;
    ProcessResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_back(out_);
    result.err = read_back(err_);
    return result;
}

ProcessResult run_command(const Command& command, std::string_view input) {
    Subprocess child(command, input.empty() ? Subprocess::Stdin::closed : Subprocess::Stdin::pipe);
    if (!input.empty()) child.write(input);
    return child.wait();
}

ProcessResult run_checked(const Command& command, std::string_view what, std::string_view input) {
    ProcessResult result = run_command(command, input);
    if (!result.ok())
        throw util::Error(std::string(what) + " failed (" + command.display() + "): " + result.tail(3));
    return result;
}

bool program_exists(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return true;
    return false;
}

}  // namespace seriesctl::proc
