#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "build/build_config.h"
#include "build/compiler_output.h"
#include "config/tree_config.h"
#include "repo/project.h"

namespace seriesctl::build {

struct BuildRequest {
    std::string series;
    std::string version;             ///< empty: the newest
    std::vector<std::string> arches; ///< empty: the series' (or all configured)
    bool sparse = false;             ///< C=1
    bool reuse = true;               ///< reuse results of identical earlier builds
    int jobs = 1;
};

/// One compile of the targets: a step (0 = the base, k = after patch k) on
/// one arch with one config fragment.
struct BuildCell {
    int step = 0;
    std::string arch, fragment;
    bool ok = false;
    bool reused = false;  ///< an identical build's result was reused
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> new_warnings;  ///< beyond those of the base
    size_t warnings = 0;                   ///< all warnings of this compile
    std::string log;                       ///< make's output, kept in the cache
};

struct BuildReport {
    std::string series, version, tree, base;
    std::string base_note;  ///< the tree moved past the version's base, …; "" at the tip
    std::vector<std::string> steps;  ///< "base", then each patch's subject
    std::vector<std::string> targets;
    std::vector<std::string> arches, fragments;
    std::vector<BuildCell> cells;
    std::map<std::string, std::vector<std::string>> not_in_tree;  ///< "arch/fragment@step" → symbols
    std::filesystem::path log_dir;

    bool passed(const std::string& arch) const;
};

/// `seriesctl build`: compiles the objects the series touches on the base
/// and after every patch, per arch and config fragment, out of tree under
/// ~/.cache/seriesctl/build/<tree>/, W=1; a warning is the series' when the
/// base does not have it. Records the gate build-<arch> for each arch.
BuildReport run_build(const repo::Project& project, const config::TreeConfig& trees,
                      const std::map<std::string, BuildArch>& arches, const BuildRequest& request,
                      const std::function<void(const std::string&)>& progress);

}  // namespace seriesctl::build
