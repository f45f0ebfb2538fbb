#include "util/leftovers.h"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <unistd.h>

namespace seriesctl::util {

namespace {

// kill(pid, 0) fails with ESRCH only when no such process exists; EPERM
// means it runs under another user, which still counts as alive.
bool process_gone(pid_t pid) { return pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH; }

}  // namespace

std::string owned_prefix(std::string_view stem) {
    return std::string(stem) + std::to_string(::getpid()) + ".";
}

void remove_leftovers(const std::filesystem::path& dir, std::string_view stem) {
    std::error_code error;
    std::filesystem::directory_iterator entries(dir, error);
    if (error) return;
    for (const auto& entry : entries) {
        std::string name = entry.path().filename().string();
        if (name.size() <= stem.size() || name.compare(0, stem.size(), stem) != 0) continue;
        std::string_view rest = std::string_view(name).substr(stem.size());
        pid_t pid = 0;
        auto [end, failure] = std::from_chars(rest.data(), rest.data() + rest.size(), pid);
        if (failure != std::errc() || end == rest.data() || end == rest.data() + rest.size() || *end != '.') continue;
        if (process_gone(pid)) std::filesystem::remove_all(entry.path(), error);
    }
}

}  // namespace seriesctl::util
