#pragma once

#include <string>
#include <vector>

#include "core/gate.h"
#include "core/patch.h"
#include "core/series.h"
#include "repo/project.h"

namespace seriesctl {

/// The format-patch files of a version, in order (a cover letter file, if
/// any, is left out: seriesctl renders covers itself). A missing directory
/// or a malformed file is an Error naming it.
std::vector<PatchFile> load_version_patches(const Project& project, const Version& version);

/// Hash over the series' kernel config fragments (kernel/<series>/configs/):
/// builds and runtime evidence bind to it.
std::string config_fragments_hash(const Project& project, const Series& series);

/// Fingerprints of a version's patches plus its base and config.
CurrentContent current_content(const Project& project, const Series& series, const Version& version,
                               const std::vector<PatchFile>& patches);

}  // namespace seriesctl
