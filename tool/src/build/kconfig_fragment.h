#pragma once

#include <map>
#include <string>
#include <vector>

namespace seriesctl::build {

/// A config fragment's settings: symbol → value ("y", "m", "\"text\"", or
/// "n" for "# CONFIG_X is not set").
using KconfigValues = std::map<std::string, std::string>;

/// Reads CONFIG_X=v and "# CONFIG_X is not set" lines (a fragment or a .config).
KconfigValues parse_kconfig(const std::string& text);

struct KconfigMismatch {
    std::string symbol;
    std::string wanted;
    std::string got;  ///< "n" when missing or not set
};

/// The fragment's settings the final .config does not have: what
/// `make olddefconfig` dropped because a dependency is not met.
std::vector<KconfigMismatch> fragment_mismatches(const KconfigValues& fragment, const KconfigValues& config);

}  // namespace seriesctl::build
