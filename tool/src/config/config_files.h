#pragma once

#include <filesystem>

#include "config/lore_config.h"
#include "config/tree_config.h"

namespace seriesctl::config {

// The config files most areas read, by the rule of config/layered.h;
// hosts.yaml (hw/), build.yaml (build/) and subject-prefixes.yaml (check/)
// are loaded by the one area that reads each.

/// trees.yaml; every series tree's base must be a configured tree.
TreeConfig load_tree_config(const std::filesystem::path& project_config, const std::filesystem::path& user_config);

/// lore.yaml.
LoreConfig load_lore_config(const std::filesystem::path& project_config, const std::filesystem::path& user_config);

}  // namespace seriesctl::config
