#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "check/finding.h"
#include "config/tree_config.h"
#include "repo/project.h"

namespace seriesctl::check {

struct CheckRequest {
    std::string series;
    std::string version;  ///< empty: the newest
    std::string tree;     ///< empty: the version's base tree, else the series' default
};

struct CheckReport {
    std::string series, version, tree, commit;
    std::string base_note;  ///< the tree moved past the version's base, …; "" at the tip
    size_t patches = 0;
    std::vector<Finding> findings;  ///< checkpatch's, then the lints'
    std::string checkpatch_version;
    std::filesystem::path log;
};

/// `seriesctl check`: checkpatch --strict from the tree on every patch and
/// the series lints; records the `checkpatch` and `lint` gates (bound to
/// each patch's text) on the version.
CheckReport run_check(const repo::Project& project, const config::TreeConfig& trees,
                      const std::map<std::string, std::string>& subject_prefixes, const CheckRequest& request,
                      const std::function<void(const std::string&)>& progress);

/// Counts by level: errors, warnings, checks.
struct FindingCounts {
    int errors = 0, warnings = 0, checks = 0;
};
FindingCounts count_findings(const std::vector<Finding>& findings, const std::string& source);

}  // namespace seriesctl::check
