#pragma once

#include <string>
#include <vector>

#include "analyse/kernel_reports.h"
#include "config/tree_config.h"
#include "patch/patch.h"
#include "repo/project.h"
#include "series/gate.h"
#include "series/series.h"
#include "tree/base_standing.h"

namespace seriesctl::repo {

/// The format-patch files of a version, in order (a cover letter file, if
/// any, is left out: seriesctl renders covers itself). A missing directory
/// or a malformed file is an Error naming it.
std::vector<patch::PatchFile> load_version_patches(const Project& project, const series::Version& version);

/// What a per-version verb works on: the series record, the version asked
/// for (the newest when none is named) and its patches.
struct VersionAtHand {
    series::Series series;
    size_t index = 0;
    std::vector<patch::PatchFile> patches;

    const series::Version& version() const { return series.versions[index]; }
};

/// Loads it; a series without versions or a version without patch files
/// is an Error (a gate taken on no patches would prove nothing).
VersionAtHand load_version_at_hand(const Project& project, const std::string& series, const std::string& version);

/// The series' code (kernel/<series>/configs/series-code.yaml) that
/// kernel reports of every lane are placed against; missing is an Error.
analyse::SeriesCode load_series_code(const Project& project, const series::Series& series);

/// Hash over the series' kernel config fragments (kernel/<series>/configs/):
/// builds and runtime evidence bind to it.
std::string config_fragments_hash(const Project& project, const series::Series& series);

/// The version's base against its tree's tip as the cache holds it now
/// (no import, no network): what status, cover and send compare evidence with.
tree::BaseStanding cached_base_standing(const config::TreeConfig& trees, const series::Series& series,
                                        const series::Version& version);

/// Fingerprints of a version's patches plus the commit they are checked on
/// now (the tree's tip, "" when the tree is not in the cache) and config.
series::CurrentContent current_content(const Project& project, const series::Series& series,
                                       const std::vector<patch::PatchFile>& patches, const std::string& base_commit);

}  // namespace seriesctl::repo
