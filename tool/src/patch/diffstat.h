#pragma once

#include <string>
#include <vector>

#include "patch/patch.h"

namespace seriesctl::patch {

/// What a cover letter shows below "---", computed from the patches the way
/// `git format-patch --cover-letter` writes it.

/// "Author Name (3):" and each patch's summary, indented six spaces, per
/// author in the order authors first appear.
std::string shortlog(const std::vector<PatchFile>& patches);

/// git's --stat at 72 columns: " path | 12 ++++--" per file (files in path
/// order, changes of every patch to a file added up), then " 3 files
/// changed, 40 insertions(+), 2 deletions(-)".
std::string diffstat(const std::vector<PatchFile>& patches);

}  // namespace seriesctl::patch
