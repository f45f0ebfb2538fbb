#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "core/build_config.h"
#include "core/host_config.h"
#include "core/lore_config.h"
#include "core/tree_config.h"

namespace seriesctl {

// seriesctl's five config files, each read from the project's config/
// (shipped with the checkout) and then from the user's
// $XDG_CONFIG_HOME/seriesctl/, by one rule: both files are optional; the
// user's is read over what the project's gave, a field it names replacing
// that field, and an entry of a named map (a tree, a host, an architecture,
// a path's prefix) replacing the entry of that name whole.

/// trees.yaml; every series tree's base must be a configured tree.
TreeConfig load_tree_config(const std::filesystem::path& project_config, const std::filesystem::path& user_config);

/// lore.yaml.
LoreConfig load_lore_config(const std::filesystem::path& project_config, const std::filesystem::path& user_config);

/// hosts.yaml; every job step's host must be a configured host.
HostConfig load_host_config(const std::filesystem::path& project_config, const std::filesystem::path& user_config);

/// build.yaml's architectures.
std::map<std::string, BuildArch> load_build_arches(const std::filesystem::path& project_config,
                                                   const std::filesystem::path& user_config);

/// subject-prefixes.yaml: path prefix -> subject prefix.
std::map<std::string, std::string> load_subject_prefixes(const std::filesystem::path& project_config,
                                                         const std::filesystem::path& user_config);

}  // namespace seriesctl
