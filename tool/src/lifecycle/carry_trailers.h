#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "repo/project.h"
#include "series/trailer_plan.h"

namespace seriesctl::lifecycle {

struct TrailersOutcome {
    std::string series, version;
    series::TrailerPlan plan;
    std::vector<std::filesystem::path> written;  ///< files that gained trailers
};

/// Adds the trailers given on earlier versions to the files of `version`
/// (default: the draft). Every file is staged before any is replaced, so a
/// failure leaves all of them as they were. A version that was sent keeps
/// its files: that is an Error.
TrailersOutcome carry_trailers(const repo::Project& project, const std::string& series, const std::string& version,
                               bool force);

}  // namespace seriesctl::lifecycle
