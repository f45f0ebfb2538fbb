#pragma once

#include <string>
#include <vector>

namespace seriesctl::patch {

/// How a hunk, file or patch went onto a tree, from best to worst.
enum class Outcome { clean, offset, fuzz, merged, conflict };

/// A line of a hunk's preimage that is not what the tree has there.
struct Mismatch {
    int line = 0;          ///< 1-based line of the tree's file
    std::string expected;  ///< what the patch expects
    std::string found;     ///< what the tree has ("" past its end)
    bool past_end = false;
};

struct HunkReport {
    std::string header;  ///< "@@ -38,15 +38,21 @@ static void device_run(void *prv)"
    Outcome outcome = Outcome::clean;
    int offset = 0;  ///< lines from where the header puts it
    int fuzz = 0;    ///< context lines left unchecked at an end
    int line = 0;    ///< 1-based line of the tree where it applied (or matched best, for a conflict)
    std::vector<Mismatch> mismatches;  ///< for a conflict: where the best match differs
};

struct FileReport {
    std::string path;
    Outcome outcome = Outcome::clean;
    std::string problem;  ///< a conflict of the whole file: "does not exist in the tree", …
    std::vector<HunkReport> hunks;
};

struct PatchReport {
    int number = 0;  ///< 1-based position in the version
    std::string subject;
    std::vector<FileReport> files;

    Outcome outcome() const;
    int offset() const;  ///< the largest offset of a hunk, by size
    int fuzz() const;    ///< the largest fuzz of a hunk
};

/// One version tried on one tree.
struct TreeReport {
    std::string tree;
    std::string commit;   ///< the tree's tip it was tried on
    std::string missing;  ///< why it could not be tried ("not synced"); patches is empty then
    std::vector<PatchReport> patches;

    /// Every patch went on (clean, offset, fuzz or 3-way).
    bool applies() const;
};

/// A version tried on several trees (`rebase --check`).
struct RebaseCheckReport {
    std::string series, version;
    std::vector<std::string> patches;  ///< the patches' summaries, in order
    std::vector<TreeReport> trees;
};

std::string to_string(Outcome outcome);
/// "clean", "offset 3", "fuzz 1", "3-way", "conflict": a table cell.
std::string summary(const PatchReport& patch);
/// The worse of two outcomes.
Outcome worst(Outcome a, Outcome b);

}  // namespace seriesctl::patch
