#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "check/finding.h"

namespace seriesctl::check {

struct CheckpatchRun {
    std::vector<Finding> findings;
    std::string log;      ///< checkpatch's whole output, every patch
    std::string version;  ///< "0.32"
};

/// Runs the tree's own scripts/checkpatch.pl --strict on each patch file
/// (numbered 1..n in order) and collects every finding of every patch.
CheckpatchRun run_checkpatch(const std::filesystem::path& tree, const std::vector<std::filesystem::path>& patches);

}  // namespace seriesctl::check
