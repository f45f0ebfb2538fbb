#pragma once

#include <filesystem>
#include <string>
#include <utility>

#include "util/atomic_file.h"

namespace seriesctl::config {

// Every config file of seriesctl is read by one rule: from the project's
// config/ (shipped with the checkout), then from the user's
// $XDG_CONFIG_HOME/seriesctl/; either may be missing; the user's is read
// over what the project's gave, a field it names replacing that field, and
// an entry of a named map (a tree, a host, an architecture, a path's
// prefix) replacing the entry of that name whole. Each area loads its own
// file through these two.

/// Folds each existing layer of the file `name` over `config`, in order,
/// with read_over(text, file, config).
template <class Config, class ReadOver>
Config read_layers(const std::filesystem::path& project_config, const std::filesystem::path& user_config,
                   const std::string& name, Config config, ReadOver read_over) {
    for (const std::filesystem::path& file : {project_config / name, user_config / name})
        if (std::filesystem::exists(file)) config = read_over(util::read_file(file), file.string(), std::move(config));
    return config;
}

/// read_over for a file that is a map of named entries, from its parser
/// parse(text, file): an entry replaces the one of its name whole.
template <class Map, class Parse>
auto entries_over(Parse parse) {
    return [parse](const std::string& text, const std::string& file, Map config) {
        for (auto& [name, entry] : parse(text, file)) config[name] = std::move(entry);
        return config;
    };
}

/// "<project>/<name> or <user>/<name>": where a merged file came from.
inline std::string layers_of(const std::filesystem::path& project_config, const std::filesystem::path& user_config,
                             const std::string& name) {
    return (project_config / name).string() + " or " + (user_config / name).string();
}

}  // namespace seriesctl::config
