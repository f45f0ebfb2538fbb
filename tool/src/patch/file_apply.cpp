#include "patch/file_apply.h"

#include "patch/hunk_search.h"

namespace seriesctl::patch {

bool FileApplyResult::conflict() const {
    for (const auto& hunk : hunks)
        if (hunk.outcome == Outcome::conflict) return true;
    return false;
}

FileApplyResult apply_hunks(const TextFile& target, const std::vector<Hunk>& hunks) {
    FileApplyResult result;
    result.text.final_newline = target.final_newline;
    const auto& lines = target.lines;
    int copied = 0;  // lines of target already carried over
    int last_offset = 0;
    for (const auto& hunk : hunks) {
        HunkSides sides = sides_of(hunk);
        HunkReport report;
        report.header = hunk.header;
        // "-N,0" means "after line N"; otherwise the hunk starts on line N.
        int expected = (hunk.old_lines == 0 ? hunk.old_start : hunk.old_start - 1);
        auto placement = locate_hunk(lines, sides, expected + last_offset, copied);
        if (!placement) {
            report.outcome = Outcome::conflict;
            report.mismatches = closest_mismatches(lines, sides, expected + last_offset, &report.line);
            result.hunks.push_back(std::move(report));
            continue;
        }
        int start = placement->start - placement->skip_leading;  // where the full hunk would begin
        report.offset = start - expected;
        report.fuzz = placement->fuzz;
        report.line = placement->start + 1;
        report.outcome = report.fuzz ? Outcome::fuzz : report.offset ? Outcome::offset : Outcome::clean;
        last_offset = report.offset;

        result.text.lines.insert(result.text.lines.end(), lines.begin() + copied, lines.begin() + placement->start);
        int replaced = static_cast<int>(sides.before.size()) - placement->skip_leading - placement->skip_trailing;
        result.text.lines.insert(result.text.lines.end(), sides.after.begin() + placement->skip_leading,
                                 sides.after.end() - placement->skip_trailing);
        copied = placement->start + replaced;
        // Only a hunk that reaches the end of the file decides its last newline.
        if (copied == static_cast<int>(lines.size()) && placement->skip_trailing == 0)
            result.text.final_newline = !hunk.new_no_newline;
        result.hunks.push_back(std::move(report));
    }
    result.text.lines.insert(result.text.lines.end(), lines.begin() + copied, lines.end());
    return result;
}

}  // namespace seriesctl::patch
