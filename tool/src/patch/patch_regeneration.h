#pragma once

#include <string>
#include <vector>

#include "patch/patch.h"

namespace seriesctl::patch {

/// What it takes to write a patch file again with `git format-patch` after
/// its commit moved: the commit's message and note, the options that give the
/// same headers, and a check that they did.

/// The commit message a patch file came from: its summary, then its body.
std::string commit_message(const PatchFile& patch);

/// The git note behind a patch's "Notes:" block (format-patch --notes),
/// unindented; "" when it has none. Text after "---" that is not such a
/// block would be lost by format-patch: an Error naming the file.
std::string note_text(const PatchFile& patch);

/// Options for `git format-patch` that reproduce the files' subject prefix
/// and numbering, notes, signature and abbreviated ids. The notes are read
/// from git's default notes ref: format-patch heads only those "Notes:".
std::vector<std::string> format_patch_options(const std::vector<PatchFile>& originals);

/// "" when `regenerated` has the headers, message and notes of `original`
/// (only its "From <commit>" line and its diff may differ); else what differs.
std::string regeneration_difference(const PatchFile& original, const PatchFile& regenerated);

}  // namespace seriesctl::patch
