#include "util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <sstream>
#include <unistd.h>
#include <utility>

#include "util/error.h"
#include "util/leftovers.h"
#include "util/random_hex.h"
#include "util/unique_fd.h"

namespace seriesctl::util {

namespace {

std::string errno_text() { return std::strerror(errno); }

std::filesystem::path directory_of(const std::filesystem::path& path) {
    return path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
}

// `.<name>.tmp.`: hidden, and ignored by the project's .gitignore.
std::string temp_stem(const std::filesystem::path& path) { return "." + path.filename().string() + ".tmp."; }

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
    auto dir = directory_of(path_);
    remove_leftovers(dir, temp_stem(path_));
    UniqueFd fd(::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600));
    if (!fd && errno != EOPNOTSUPP && errno != EISDIR)
        throw Error("cannot create a temporary file beside " + path_.string() + ": " + errno_text());
    if (!fd) {
        std::string pattern = (dir / (owned_prefix(temp_stem(path_)) + "XXXXXX")).string();
        fd.reset(::mkstemp(pattern.data()));
        if (!fd) throw Error("cannot create a temporary file beside " + path_.string() + ": " + errno_text());
        temp_ = pattern;
    }
    try {
        write_all(fd.get(), content, path_);
        if (::fsync(fd.get()) != 0) throw Error("cannot sync " + path_.string() + ": " + errno_text());
        // Both ways make 0600; a series file is an ordinary file of the repository.
        if (::fchmod(fd.get(), 0644) != 0) throw Error("cannot chmod a temporary file beside " + path_.string() + ": " + errno_text());
    } catch (...) {
        if (!temp_.empty()) ::unlink(temp_.c_str());  // no destructor runs for a constructor that throws
        throw;
    }
    if (temp_.empty()) unnamed_ = std::move(fd);
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : path_(std::move(other.path_)), unnamed_(std::move(other.unnamed_)), temp_(std::exchange(other.temp_, {})) {}

StagedFile::~StagedFile() {
    if (!temp_.empty()) ::unlink(temp_.c_str());
}

void StagedFile::place() {
    auto dir = directory_of(path_);
    if (unnamed_) {
        // The file gets a name only for the moment before the rename; a
        // kill before this point leaves nothing behind.
        temp_ = dir / (owned_prefix(temp_stem(path_)) + random_hex(6));
        std::string self = "/proc/self/fd/" + std::to_string(unnamed_.get());
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp_.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            temp_.clear();
            throw Error("cannot name the new content of " + path_.string() + ": " + errno_text());
        }
        unnamed_.reset();
    }
    if (::rename(temp_.c_str(), path_.c_str()) != 0)
        throw Error("cannot replace " + path_.string() + ": " + errno_text());
    temp_.clear();
    UniqueFd dirfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
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

}  // namespace seriesctl::util
