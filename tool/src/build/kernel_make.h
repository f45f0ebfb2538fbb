#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "build/build_config.h"
#include "proc/subprocess.h"

namespace seriesctl::build {

/// `make` in a kernel source tree with an out-of-tree build directory.
struct KernelMake {
    std::filesystem::path source;
    std::filesystem::path output;
    BuildArch arch;
    bool ccache = false;
    int jobs = 1;

    proc::Command command(const std::vector<std::string>& args) const;
    /// The compiler as make sees it (ccache in front when present).
    std::string compiler() const;
};

}  // namespace seriesctl::build
