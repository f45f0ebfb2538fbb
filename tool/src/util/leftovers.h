#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace seriesctl::util {

/// The prefix of a staging name that says which process made it:
/// `<stem><pid>.`, so that a later run can tell a live writer's file from
/// one a killed writer left.
std::string owned_prefix(std::string_view stem);

/// Removes the entries of `dir` named `<stem><pid>.…` whose process no
/// longer runs: what a writer killed (-9, power loss) between staging and
/// placing left behind. Another live writer's entries are kept. Best
/// effort: an entry that cannot be removed stays.
void remove_leftovers(const std::filesystem::path& dir, std::string_view stem);

}  // namespace seriesctl::util
