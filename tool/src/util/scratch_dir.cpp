#include "util/scratch_dir.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "util/error.h"
#include "util/leftovers.h"

namespace seriesctl::util {

ScratchDir::ScratchDir(const std::filesystem::path& parent) {
    std::filesystem::create_directories(parent);
    // Named with our pid: the next scratch directory made here removes the
    // ones whose process was killed before it could remove its own.
    remove_leftovers(parent, "scratch-");
    std::string pattern = (parent / (owned_prefix("scratch-") + "XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
        throw Error("cannot make a directory in " + parent.string() + ": " + std::strerror(errno));
    path_ = pattern;
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace seriesctl::util
