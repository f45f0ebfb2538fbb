#pragma once

#include <optional>
#include <string>
#include <vector>

#include "patch/apply_report.h"
#include "patch/patch.h"

namespace seriesctl::patch {

/// A hunk as the lines it expects (context and removed) and the lines it
/// leaves (context and added).
struct HunkSides {
    std::vector<std::string> before, after;
    int leading = 0;   ///< context lines before the first change
    int trailing = 0;  ///< context lines after the last change
};

HunkSides sides_of(const Hunk& hunk);

/// Where a hunk's preimage was found: `start` (0-based) of the part that was
/// compared, which leaves out `skip_leading` and `skip_trailing` context lines
/// when it was found with fuzz.
struct Placement {
    int start = 0;
    int skip_leading = 0;
    int skip_trailing = 0;
    int fuzz = 0;
};

/// The largest fuzz tried: GNU patch's default. git apply tries none, so a
/// hunk patch would apply only with fuzz is reported as such.
inline constexpr int max_fuzz = 2;

/// Finds a hunk's preimage in `target` like GNU patch: every position from
/// `hint` outward (forward first), never before `from`; first with all its
/// context, then with up to `max_fuzz` context lines at each end left
/// unchecked (never all of them). A hunk with less context at one end is
/// anchored at that end of the file, as diff only writes short context
/// there. nullopt when it is nowhere.
std::optional<Placement> locate_hunk(const std::vector<std::string>& target, const HunkSides& sides, int hint,
                                     int from);

/// For a hunk found nowhere: the position where most of its preimage lines
/// match (closest to `hint` on a tie) and the lines that differ there.
std::vector<Mismatch> closest_mismatches(const std::vector<std::string>& target, const HunkSides& sides, int hint,
                                         int* line);

}  // namespace seriesctl::patch
