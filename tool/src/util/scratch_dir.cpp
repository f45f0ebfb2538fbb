#include "util/scratch_dir.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/error.h"

namespace seriesctl {

ScratchDir::ScratchDir(const std::filesystem::path& parent) {
    std::filesystem::create_directories(parent);
    std::string pattern = (parent / "scratch-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw Error("cannot make a directory in " + parent.string() + ": " + std::strerror(errno));
    path_ = pattern;
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace seriesctl
