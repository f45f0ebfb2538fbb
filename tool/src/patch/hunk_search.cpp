#include "patch/hunk_search.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace seriesctl::patch {

namespace {

bool matches_at(const std::vector<std::string>& target, const std::vector<std::string>& before, int start,
                int skip_leading, int skip_trailing) {
    int length = static_cast<int>(before.size()) - skip_leading - skip_trailing;
    if (start < 0 || start + length > static_cast<int>(target.size())) return false;
    for (int k = 0; k < length; ++k)
        if (target[start + k] != before[skip_leading + k]) return false;
    return true;
}

// Blank lines and lone braces match almost anywhere: they do not say where
// a hunk belongs.
bool telling(const std::string& line) {
    size_t visible = 0;
    for (char c : line) visible += !std::isspace(static_cast<unsigned char>(c));
    return visible > 2;
}

}  // namespace

HunkSides sides_of(const Hunk& hunk) {
    HunkSides sides;
    bool changed = false;
    for (const auto& line : hunk.lines) {
        char marker = line.empty() ? ' ' : line[0];
        std::string text = line.empty() ? "" : line.substr(1);
        if (marker != '+') sides.before.push_back(text);
        if (marker != '-') sides.after.push_back(text);
        if (marker == ' ') {
            if (changed)
                ++sides.trailing;
            else
                ++sides.leading;
        } else {
            changed = true;
            sides.trailing = 0;
        }
    }
    if (!changed) sides.trailing = 0;  // all context: count it once
    return sides;
}

std::optional<Placement> locate_hunk(const std::vector<std::string>& target, const HunkSides& sides, int hint,
                                     int from) {
    const int size = static_cast<int>(target.size());
    const int context = std::max(sides.leading, sides.trailing);
    // Fuzz may never leave a hunk without any context to hold on to.
    const int fuzz_limit = std::min(max_fuzz, std::max(0, context - 1));
    for (int fuzz = 0; fuzz <= fuzz_limit; ++fuzz) {
        // As GNU patch: fuzz counts from the longer context; the shorter end
        // (negative here) is not fuzzed but pinned to the file's edge.
        int leading_fuzz = fuzz + sides.leading - context;
        int trailing_fuzz = fuzz + sides.trailing - context;
        Placement placement{0, std::max(0, leading_fuzz), std::max(0, trailing_fuzz), fuzz};
        int length = static_cast<int>(sides.before.size()) - placement.skip_leading - placement.skip_trailing;
        int first = hint + placement.skip_leading;
        auto try_at = [&](int start) {
            if (start < from || start + length > size) return false;
            if (leading_fuzz < 0 && start != 0) return false;
            if (trailing_fuzz < 0 && start + length != size) return false;
            return matches_at(target, sides.before, start, placement.skip_leading, placement.skip_trailing);
        };
        for (int distance = 0; first + distance <= size || first - distance >= from; ++distance) {
            if (try_at(first + distance)) {
                placement.start = first + distance;
                return placement;
            }
            if (distance > 0 && try_at(first - distance)) {
                placement.start = first - distance;
                return placement;
            }
        }
    }
    return std::nullopt;
}

std::vector<Mismatch> closest_mismatches(const std::vector<std::string>& target, const HunkSides& sides, int hint,
                                         int* line) {
    const int size = static_cast<int>(target.size());
    const int length = static_cast<int>(sides.before.size());
    int best = std::clamp(hint, 0, std::max(0, size - 1));
    int best_score = -1;
    for (int start = 0; start < std::max(1, size - length + 1); ++start) {
        int score = 0;
        for (int k = 0; k < length && start + k < size; ++k)
            score += telling(sides.before[k]) && target[start + k] == sides.before[k];
        if (score > best_score || (score == best_score && std::abs(start - hint) < std::abs(best - hint))) {
            best = start;
            best_score = score;
        }
    }
    std::vector<Mismatch> mismatches;
    for (int k = 0; k < length; ++k) {
        int at = best + k;
        if (at < size && target[at] == sides.before[k]) continue;
        Mismatch mismatch;
        mismatch.line = at + 1;
        mismatch.expected = sides.before[k];
        mismatch.past_end = at >= size;
        if (!mismatch.past_end) mismatch.found = target[at];
        mismatches.push_back(mismatch);
    }
    *line = best + 1;
    return mismatches;
}

}  // namespace seriesctl::patch
