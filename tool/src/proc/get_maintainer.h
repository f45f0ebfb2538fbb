#pragma once

#include <filesystem>
#include <vector>

#include "mail/address.h"

namespace seriesctl::proc {

/// Who scripts/get_maintainer.pl of a kernel tree says a patch goes to,
/// asked the way b4 asks: no git history, no role statistics.
struct PatchMaintainers {
    std::vector<mail::Address> to;  ///< maintainers (--nol)
    std::vector<mail::Address> cc;  ///< reviewers, lists and the rest (--nom)
};

/// Runs the tree's own get_maintainer.pl on each patch file, in the tree,
/// all at once (each run reads the whole MAINTAINERS file). A failed run
/// or a line that is not one clean address is an Error naming the patch.
std::vector<PatchMaintainers> run_get_maintainer(const std::filesystem::path& tree,
                                                 const std::vector<std::filesystem::path>& patches);

}  // namespace seriesctl::proc
