#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace seriesctl::rebase {

/// `git format-patch <options> base..tip` in the (bare) store, with no user
/// or system git config, so the output depends on the commits and the
/// options only; notes come from `notes_ref`, made git's default notes ref. The files go to a scratch directory under `scratch_parent`;
/// returns their texts in order.
std::vector<std::string> format_patch(const std::filesystem::path& git_dir, const std::string& base,
                                      const std::string& tip, const std::vector<std::string>& options,
                                      const std::string& notes_ref, const std::filesystem::path& scratch_parent);

}  // namespace seriesctl::rebase
