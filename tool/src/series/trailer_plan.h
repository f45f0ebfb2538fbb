#pragma once

#include <map>
#include <string>
#include <vector>

#include "patch/patch.h"
#include "series/series.h"

namespace seriesctl::series {

/// Carrying the trailers reviewers gave on earlier versions into the draft,
/// the way b4 trailers does: a trailer goes to the patch it was given on (a
/// cover-letter trailer to every patch), and only while that patch's code is
/// what was reviewed.

/// A trailer given on an earlier version, and where it would go.
struct CarriedTrailer {
    int patch = 0;            ///< the draft's patch, 1-based
    std::string trailer;      ///< "Reviewed-by: Name <address>"
    std::string review;       ///< the review id it comes from
    std::string given_on;     ///< "v2"
};

struct TrailerPlan {
    /// Per draft patch (index 0 = patch 1): trailers to add, in review order.
    std::vector<std::vector<CarriedTrailer>> add;
    /// Not added: the patch's code (patch-id) changed since it was given.
    std::vector<CarriedTrailer> code_changed;
    /// Not added: the patch carries it already.
    std::vector<CarriedTrailer> present;
    /// Not added: a Nacked-by is an objection to answer, not a trailer to carry.
    std::vector<CarriedTrailer> objections;
};

/// What `seriesctl trailers` would do for `draft` (whose files are
/// `draft_patches`), given the patch files of every earlier version
/// (`earlier`, by version name). With `force`, trailers on changed code are
/// added too (and still listed in code_changed). A trailer for a patch the
/// draft does not have is an Error naming the review.
TrailerPlan plan_trailers(const Series& series, const Version& draft,
                          const std::vector<patch::PatchFile>& draft_patches,
                          const std::map<std::string, std::vector<patch::PatchFile>>& earlier, bool force);

/// A format-patch file's text with `trailers` ("Key: value") added to its
/// commit message in kernel order: before the submitter's last
/// Signed-off-by (after the last trailer when it has none). Every other
/// byte is kept. `patch` is the parsed `text`.
std::string with_trailers(const std::string& text, const patch::PatchFile& patch,
                          const std::vector<std::string>& trailers, const mail::Address& submitter);

}  // namespace seriesctl::series
