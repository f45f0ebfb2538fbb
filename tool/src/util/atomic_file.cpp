#include "util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <sstream>
#include <unistd.h>

#include "core/error.h"
#include "util/unique_fd.h"

namespace seriesctl {

namespace {

std::string errno_text() { return std::strerror(errno); }

void write_all(int fd, std::string_view content, const std::filesystem::path& where) {
    while (!content.empty()) {
        ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error("cannot write " + where.string() + ": " + errno_text());
        content.remove_prefix(static_cast<size_t>(n));
    }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    std::string pattern = (dir / ("." + path.filename().string() + ".tmp.XXXXXX")).string();
    UniqueFd fd(::mkstemp(pattern.data()));
    if (!fd) throw Error("cannot create a temporary file beside " + path.string() + ": " + errno_text());
    std::filesystem::path temp = pattern;
    try {
        write_all(fd.get(), content, path);
        if (::fsync(fd.get()) != 0) throw Error("cannot sync " + path.string() + ": " + errno_text());
        // mkstemp makes 0600; a series file is an ordinary file of the repository.
        if (::fchmod(fd.get(), 0644) != 0) throw Error("cannot chmod " + temp.string() + ": " + errno_text());
        fd.reset();
        if (::rename(temp.c_str(), path.c_str()) != 0)
            throw Error("cannot replace " + path.string() + ": " + errno_text());
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    UniqueFd dirfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
    if (dirfd) ::fsync(dirfd.get());
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read " + path.string() + ": " + errno_text());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw Error("cannot read " + path.string() + ": " + errno_text());
    return buffer.str();
}

}  // namespace seriesctl
