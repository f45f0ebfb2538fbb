#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "check/finding.h"
#include "patch/patch.h"
#include "series/series.h"

namespace seriesctl::check {

/// What the lints need besides the patches.
struct LintContext {
    const series::Series* series = nullptr;
    const series::Version* version = nullptr;
    /// Subject prefixes the tree's history (or the configured map) uses for
    /// a path, e.g. "media: videobuf2:"; empty when nothing is known.
    std::function<std::vector<std::string>(const std::string& path)> prefixes_for;
    /// Empty when the version's base commit is in the tree; else why not.
    std::string base_problem;
};

/// The series lints checkpatch does not do, every finding at once:
/// author-sign-off      the From author signed off every patch (and the
///                      submitter's Signed-off-by comes last)
/// subject-prefix       the subject starts with a prefix the subsystem uses
/// cover-leak           cover-only text (format-patch placeholders, cover
///                      paragraphs) is not in a patch
/// changelog            from v2 on, each patch has its changes below "---"
/// numbering            "n/N" numbering is 1..N with N the patch count
/// private-trailer      no Change-Id, Gerrit or review-tool lines
/// base-commit          the base commit is known to the tree
std::vector<Finding> lint_series(const std::vector<patch::PatchFile>& patches, const LintContext& context);

/// Subject prefixes from a map of path prefix → subject prefix: the
/// longest matching path prefix wins.
std::vector<std::string> prefixes_from_map(const std::map<std::string, std::string>& map, const std::string& path);

/// The prefix part of subjects ("media: videobuf2: fix x" → "media: videobuf2:"),
/// most used first: what a subsystem's history says.
std::vector<std::string> prefixes_from_subjects(const std::vector<std::string>& subjects);

}  // namespace seriesctl::check
