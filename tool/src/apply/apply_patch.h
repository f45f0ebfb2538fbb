#pragma once

#include "git/tree_overlay.h"
#include "patch/apply_report.h"
#include "patch/patch.h"

namespace seriesctl::apply {

/// Applies one patch to `tree` in memory and reports each file and hunk.
/// Hunks are located in the tree's files (offset, then fuzz); a file whose
/// hunks do not all go on is merged 3-way instead when its preimage blob (the
/// "index" line's old id) is in `repo`. What cannot go on is left out and
/// reported as a conflict; the rest of the patch is applied.
patch::PatchReport apply_patch(git::TreeOverlay& tree, git_repository* repo, const patch::PatchFile& patch, int number);

}  // namespace seriesctl::apply
