#pragma once

#include <string>
#include <vector>

#include "patch/patch.h"

namespace seriesctl::git {

/// Splits a unified git diff into files and hunks with libgit2's patch
/// parser (git_diff_from_buffer). Throws Error naming `name` when libgit2
/// cannot read it.
std::vector<patch::FileDiff> parse_diff(const std::string& diff, const std::string& name);

/// parse_patch() with libgit2's diff reader: what every caller uses.
inline patch::PatchFile read_patch(const std::string& text, const std::string& name) {
    return patch::parse_patch(text, name, parse_diff);
}

}  // namespace seriesctl::git
