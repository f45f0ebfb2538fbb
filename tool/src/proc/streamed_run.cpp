#include "proc/streamed_run.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/error.h"

namespace seriesctl::proc {

namespace {

using Clock = std::chrono::steady_clock;

class LineSplitter {
public:
    LineSplitter(const std::function<void(const std::string&)>& on_line, size_t keep) : on_line_(on_line), keep_(keep) {}
    void feed(const char* data, size_t size) {
        pending_.append(data, size);
        for (size_t end; (end = pending_.find('\n')) != std::string::npos; pending_.erase(0, end + 1))
            emit(pending_.substr(0, end));
    }
    void finish() {
        if (!pending_.empty()) emit(pending_);
        pending_.clear();
    }
    std::vector<std::string> last() const { return {lines_.begin(), lines_.end()}; }

private:
    void emit(std::string line) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (on_line_) on_line_(line);
        lines_.push_back(line);
        if (lines_.size() > keep_) lines_.pop_front();
    }
    const std::function<void(const std::string&)>& on_line_;
    size_t keep_;
    std::string pending_;
    std::deque<std::string> lines_;
};

}  // namespace

StreamedResult run_streamed(const Command& command, std::chrono::milliseconds timeout,
                            const std::function<void(const std::string&)>& on_line, size_t keep) {
    if (command.argv.empty()) throw util::Error("internal: empty command");
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw util::Error(std::string("cannot create a pipe: ") + std::strerror(errno));
    util::UniqueFd read_end(fds[0]), write_end(fds[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, write_end.get(), 1);
    posix_spawn_file_actions_adddup2(&actions, write_end.get(), 2);
    if (!command.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, command.cwd.c_str());
    // Its own process group, so a timeout stops whatever it started too.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);

    std::vector<std::string> args = command.argv, env = child_environment(command);
    std::vector<char*> argv, envp;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    for (auto& entry : env) envp.push_back(entry.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    int rc = ::posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (rc != 0) throw util::Error("cannot run " + command.argv[0] + ": " + std::strerror(rc));
    write_end.reset();

    StreamedResult result;
    LineSplitter lines(on_line, keep);
    auto deadline = Clock::now() + timeout;
    auto kill_at = Clock::time_point::max();
    bool killed = false;
    for (;;) {
        auto now = Clock::now();
        if (!result.timed_out && now >= deadline) {
            result.timed_out = true;
            ::kill(-pid, SIGTERM);
            kill_at = now + std::chrono::seconds(5);
        }
        if (result.timed_out && now >= kill_at) {
            if (killed) break;  // something that left the group still holds the output open
            ::kill(-pid, SIGKILL);
            killed = true;
            kill_at = now + std::chrono::seconds(2);
        }
        auto until = std::min(result.timed_out ? kill_at : deadline, now + std::chrono::seconds(1));
        int wait_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count());
        pollfd watch{read_end.get(), POLLIN, 0};
        int ready = ::poll(&watch, 1, std::max(wait_ms, 1));
        if (ready < 0 && errno != EINTR) break;
        if (ready <= 0) continue;
        char buffer[8192];
        ssize_t n = ::read(read_end.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // every writer is gone
        lines.feed(buffer, static_cast<size_t>(n));
    }
    lines.finish();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.last_lines = lines.last();
    return result;
}

}  // namespace seriesctl::proc
