#pragma once

#include <string>
#include <vector>

#include "patch/patch.h"
#include "series/gate.h"
#include "series/series.h"

namespace seriesctl::series {

/// What the cover's footer says the patches sit on, b4's way. A local
/// commit (the Debian import) is never mailed as base-commit: the public
/// tag it equals is named in the text instead.
struct BaseDeclaration {
    std::string base_commit;  ///< a public commit, or empty
    std::vector<std::string> prerequisite_patch_ids;  ///< a series tree's unmerged series
    std::string based_on;  ///< "v6.12.117" when there is no public commit
};

/// Everything a cover letter states besides the version's own text; each
/// item comes from a record, none from free text.
struct CoverFacts {
    std::vector<GateStatus> gates;  ///< gate_statuses() of the version now
    BaseDeclaration base;
    std::string previous_link;  ///< archive URL of the previous version's cover
};

/// "(Nicolas Dufresne, v1 review)" for a changelog entry answering a
/// review; empty when it answers none.
std::string answered_review(const Series& series, const std::string& review_id);

/// The cover letter's body from the mustache template text: body,
/// questions, validation from evidence, "Changes in vN" with the link to
/// the previous version, shortlog, diffstat, base-commit and change-id.
/// A template that does not parse is an Error naming `template_name`.
std::string render_cover(const std::string& template_text, const std::string& template_name, const Series& series,
                         const Version& version, const std::vector<patch::PatchFile>& patches, const CoverFacts& facts);

/// Wraps `text` at `width` columns: the first line starts with `first`,
/// the others with `rest`.
std::string wrap_text(const std::string& text, const std::string& first, const std::string& rest, size_t width = 72);

}  // namespace seriesctl::series
