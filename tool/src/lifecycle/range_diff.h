#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "patch/patch.h"
#include "series/status_report.h"

namespace seriesctl::lifecycle {

/// What happened to a patch between two versions.
enum class PatchChange { unchanged, message_only, code_changed, added, dropped };

/// One row of a range-diff: a patch of the old version paired with one of
/// the new (or alone, when added or dropped).
struct PatchPair {
    int old_number = 0;  ///< 1-based; 0 when added
    int new_number = 0;  ///< 1-based; 0 when dropped
    std::string subject;
    PatchChange change = PatchChange::unchanged;
    std::string interdiff;  ///< git range-diff's diff of the two patches, for changed pairs
};

/// Pairs the patches of two versions the way git range-diff does, with
/// the kernel's habits first: the same code (patch-id) pairs first, then the
/// same subject, then the most similar remaining patch (the share of their
/// changed lines that both have, at least `min_similarity`, the closest
/// first). The rest are dropped (old) or added (new). In the new version's
/// order, dropped patches after the patch they followed.
std::vector<PatchPair> pair_patches(const std::vector<patch::PatchFile>& old_patches,
                                    const std::vector<patch::PatchFile>& new_patches, double min_similarity = 0.5);

/// unchanged: the same code and message; message_only: the same patch-id;
/// else code_changed.
PatchChange classify_pair(const patch::PatchFile& old_patch, const patch::PatchFile& new_patch);

/// The share of changed ("+"/"-") lines two patches have in common, 0..1
/// (white space ignored).
double similarity(const patch::PatchFile& a, const patch::PatchFile& b);

/// The diff part of `git range-diff` output for one pair of commits: the
/// indented lines after its "1:  abc ! 1:  def subject" line.
std::string range_diff_body(const std::string& output);

std::string to_string(PatchChange change);

std::string render_range_diff_text(const std::string& old_version, const std::string& new_version,
                                   const std::vector<PatchPair>& pairs, const series::Painter& paint);
nlohmann::json render_range_diff_json(const std::string& old_version, const std::string& new_version,
                                      const std::vector<PatchPair>& pairs);

}  // namespace seriesctl::lifecycle
