#pragma once

#include <string>
#include <string_view>

namespace seriesctl::patch {

/// `git patch-id --stable` of a diff (the text from "diff --git" on): per
/// file, SHA-1 of the diff lines with all white space removed and hunk
/// line numbers left out; the per-file digests are added up as 160-bit
/// numbers so the file order does not matter. Empty when there is no diff.
std::string stable_patch_id(std::string_view diff);

}  // namespace seriesctl::patch
