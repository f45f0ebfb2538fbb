#pragma once

#include <vector>

#include "patch/apply_report.h"
#include "patch/patch.h"
#include "patch/text_file.h"

namespace seriesctl::patch {

struct FileApplyResult {
    TextFile text;  ///< the file with every hunk that was found applied
    std::vector<HunkReport> hunks;

    bool conflict() const;
};

/// Applies a file's hunks to `target`, in order and without overlap, each
/// searched from where the header puts it moved by the previous hunk's
/// offset (as GNU patch does). A hunk found nowhere is a conflict, reported
/// with the lines that differ, and left out; the others still apply.
FileApplyResult apply_hunks(const TextFile& target, const std::vector<Hunk>& hunks);

}  // namespace seriesctl::patch
