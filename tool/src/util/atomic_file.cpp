#include "util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <sstream>
#include <unistd.h>
#include <utility>

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

StagedFile::StagedFile(std::filesystem::path path, std::string_view content) : path_(std::move(path)) {
    // A rename would put a regular file in place of a device, FIFO or
    // directory (`--output /dev/null` replacing /dev/null for everyone).
    std::error_code error;
    auto status = std::filesystem::status(path_, error);
    if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        throw Error(path_.string() + " is not a regular file; not replacing it");
    auto dir = path_.parent_path().empty() ? std::filesystem::path(".") : path_.parent_path();
    std::string pattern = (dir / ("." + path_.filename().string() + ".tmp.XXXXXX")).string();
    UniqueFd fd(::mkstemp(pattern.data()));
    if (!fd) throw Error("cannot create a temporary file beside " + path_.string() + ": " + errno_text());
    temp_ = pattern;
    try {
        write_all(fd.get(), content, path_);
        if (::fsync(fd.get()) != 0) throw Error("cannot sync " + path_.string() + ": " + errno_text());
        // mkstemp makes 0600; a series file is an ordinary file of the repository.
        if (::fchmod(fd.get(), 0644) != 0) throw Error("cannot chmod " + temp_.string() + ": " + errno_text());
    } catch (...) {
        ::unlink(temp_.c_str());  // no destructor runs for a constructor that throws
        throw;
    }
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : path_(std::move(other.path_)), temp_(std::exchange(other.temp_, {})) {}

StagedFile::~StagedFile() {
    if (!temp_.empty()) ::unlink(temp_.c_str());
}

void StagedFile::place() {
    if (::rename(temp_.c_str(), path_.c_str()) != 0)
        throw Error("cannot replace " + path_.string() + ": " + errno_text());
    temp_.clear();
    auto dir = path_.parent_path().empty() ? std::filesystem::path(".") : path_.parent_path();
    UniqueFd dirfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
    if (dirfd) ::fsync(dirfd.get());
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    StagedFile(path, content).place();
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
