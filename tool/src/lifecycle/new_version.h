#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "repo/project.h"
#include "series/series.h"

namespace seriesctl::lifecycle {

struct NewVersionOutcome {
    std::string series;
    std::string from;     ///< "v2"
    series::Version created;      ///< as recorded
    std::vector<std::filesystem::path> files;  ///< the new patch files
};

/// Cuts the next version of a series from its newest version (or `from`):
/// the patch files copied into kernel/<series>/vN+1/ with the new subject
/// prefix (written into a temporary directory renamed into place), then the
/// version recorded in the series file under its lock. Nothing is left when
/// any step fails: a series file that cannot be written takes the new
/// directory away again. A draft that exists already is an Error.
NewVersionOutcome new_version(const repo::Project& project, const std::string& series, const std::string& from);

}  // namespace seriesctl::lifecycle
