#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "build/kernel_make.h"

namespace seriesctl::build {

/// What configuring a build directory made.
struct KernelConfig {
    std::vector<std::string> not_in_tree;  ///< fragment symbols no Kconfig of the tree defines yet
    std::vector<std::string> added;        ///< symbols set besides the fragment's, to meet its dependencies
    bool kept = false;                     ///< taken from an earlier configuration of the same stamp
};

/// Makes `make.output/.config` from the arch's base configuration and the
/// fragment. An `all…config` base (allnoconfig: everything off) is made in
/// one run with the fragment as KCONFIG_ALLCONFIG; another base (defconfig,
/// tinyconfig) is made, the fragment merged (merge_config.sh) and
/// olddefconfig run. When a fragment symbol loses its value, the symbols
/// its Kconfig dependencies name that are not met are added (read from the
/// tree's Kconfig files, `make.source`) and the configuration made again,
/// until nothing more can be added.
///
/// Then every fragment symbol must have its value in the final .config,
/// except one no Kconfig in the tree defines yet: olddefconfig silently
/// drops symbols whose dependencies are unmet, and a "fence on" build must
/// not quietly be a "fence off" build (an Error says which symbol).
///
/// The result is kept in `kept_dir` under `stamp` (which must name every
/// input: tree, arch, base, fragment, compiler): a later call with the same
/// stamp copies it into place (when the directory does not hold it
/// already), and the kernel's own dependency tracking (include/config/)
/// rebuilds only what the changed symbols touch.
KernelConfig configure_kernel(const KernelMake& make, const std::filesystem::path& fragment, const std::string& stamp,
                              const std::filesystem::path& kept_dir);

/// Whether any Kconfig file in the source tree `source` defines the symbol
/// ("CONFIG_X"), for any architecture.
bool kconfig_defines(const std::filesystem::path& source, const std::string& symbol);

/// The kernel's SRCARCH for a make ARCH (x86_64 → x86).
std::string kernel_srcarch(const std::string& arch);

}  // namespace seriesctl::build
