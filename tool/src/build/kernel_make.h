#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/build_config.h"
#include "core/kconfig_fragment.h"
#include "git/handle.h"
#include "proc/subprocess.h"

namespace seriesctl {

/// `make` in a kernel source tree with an out-of-tree build directory.
struct KernelMake {
    std::filesystem::path source;
    std::filesystem::path output;
    BuildArch arch;
    bool ccache = false;
    int jobs = 1;

    Command command(const std::vector<std::string>& args) const;
    /// The compiler as make sees it (ccache in front when present).
    std::string compiler() const;
};

/// Makes `make.output/.config` = the arch's defconfig + the fragment, with
/// olddefconfig, unless the stamp shows it was made from the same inputs.
/// Every fragment symbol must keep its value, except one no Kconfig in the
/// tree defines yet (`defined(symbol)` says): olddefconfig drops symbols
/// whose dependencies are unmet, and a "fence on" build must not quietly
/// be a "fence off" build. Returns the symbols not yet in the tree.
std::vector<std::string> configure_kernel(const KernelMake& make, const std::filesystem::path& fragment,
                                          const std::string& stamp,
                                          const std::function<bool(const std::string& symbol)>& defined);

/// Whether any Kconfig file of `tree` (an object of the repository at
/// `git_dir`, or of its alternates) defines the symbol ("CONFIG_X").
bool kconfig_defines(const std::filesystem::path& git_dir, const git_oid& tree, const std::string& symbol);

}  // namespace seriesctl
