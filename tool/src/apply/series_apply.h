#pragma once

#include <functional>
#include <string>
#include <vector>

#include "git/handle.h"
#include "patch/apply_report.h"
#include "patch/patch.h"

namespace seriesctl::apply {

/// Whether applying also writes a commit per patch into the store, and
/// whether each carries its file's "Notes:" block as a git note.
enum class Materialise { no, commits, commits_and_notes };

struct SeriesApplyResult {
    patch::TreeReport report;            ///< tree and commit are left for the caller to name
    std::vector<git_oid> commits;  ///< one per patch, when materialised and everything applied
};

/// The notes ref that carries the patches' "Notes:" blocks: git's default,
/// as format-patch writes a plain "Notes:" header only for that one (any
/// other gives "Notes (name):"). The store is seriesctl's own, so it is free.
inline const std::string rebase_notes_ref = "refs/notes/commits";

/// Applies `patches` in order onto `base` in memory, reporting every hunk
/// (later patches are still tried after a conflict, on what did apply).
/// When materialising, each patch becomes a commit with the author, date and
/// message of its file (and its note), as long as nothing has conflicted.
/// `progress` is told after each patch.
SeriesApplyResult apply_series(git_repository* repo, const git_oid& base, const std::vector<patch::PatchFile>& patches,
                           Materialise materialise, const std::function<void(size_t done)>& progress = {});

/// The tree after each patch applied in order on the commit `base` ([0] is
/// the base's own tree), as `rebase` applies them: a tree that moved since
/// the patches were made (offsets, fuzz, a 3-way merge) still takes them.
/// A conflict is an Error naming the patch, file and hunk.
std::vector<git_oid> applied_trees(git_repository* repo, const std::string& base,
                                   const std::vector<patch::PatchFile>& patches);

}  // namespace seriesctl::apply
