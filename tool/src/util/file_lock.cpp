#include "util/file_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>

#include "util/error.h"

namespace seriesctl::util {

FileLock::FileLock(const std::filesystem::path& lock_path)
    : fd_(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (!fd_) throw Error("cannot open lock file " + lock_path.string() + ": " + std::strerror(errno));
    while (::flock(fd_.get(), LOCK_EX) != 0) {
        if (errno != EINTR)
            throw Error("cannot lock " + lock_path.string() + ": " + std::strerror(errno));
    }
}

}  // namespace seriesctl::util
