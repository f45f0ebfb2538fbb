#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "patch/patch.h"

namespace seriesctl::build {

/// An architecture to build for (config/build.yaml).
struct BuildArch {
    std::string name;          ///< "x86_64"
    std::string arch;          ///< make ARCH=
    std::string cross_compile; ///< make CROSS_COMPILE=, empty for native
    std::string defconfig = "defconfig";
};

/// What a series builds (kernel/<series>/configs/build.yaml): the config
/// fragments, each merged on every arch's defconfig, and objects to build
/// besides those derived from the patches.
struct SeriesBuild {
    std::vector<std::string> fragments;  ///< names of <name>.config files
    std::vector<std::string> targets;    ///< extra objects, "drivers/x/y.o"
    std::vector<std::string> arches;     ///< arch names; empty: all configured
};

std::map<std::string, BuildArch> parse_build_arches(const std::string& text, const std::string& file);
/// build.yaml's architectures, by the rule of config/layered.h.
std::map<std::string, BuildArch> load_build_arches(const std::filesystem::path& project_config,
                                                   const std::filesystem::path& user_config);
SeriesBuild parse_series_build(const std::string& text, const std::string& file);

/// The objects to build for a series: every touched .c file's object, and
/// for every touched header the objects in the series' touched directories
/// whose source includes it ("…/name.h" or <path/under/include.h>), then
/// the extra targets. `c_files_in(dir)` lists a directory's .c files (tree
/// paths), `read(path)` a file's text, both on the fully patched tree.
std::vector<std::string> build_targets(const std::vector<patch::PatchFile>& patches,
                                       const std::vector<std::string>& extra,
                                       const std::function<std::vector<std::string>(const std::string&)>& c_files_in,
                                       const std::function<std::string(const std::string&)>& read);

}  // namespace seriesctl::build
