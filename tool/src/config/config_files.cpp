#include "config/config_files.h"

#include <vector>

#include "core/yaml_fields.h"
#include "util/atomic_file.h"

namespace fs = std::filesystem;

namespace seriesctl {

namespace {

// Folds each existing layer of `name` over `config` with
// read_over(text, file, config): the one merge rule, in one place.
template <class Config, class ReadOver>
Config read_layers(const fs::path& project_config, const fs::path& user_config, const std::string& name,
                   Config config, ReadOver read_over) {
    for (const fs::path& file : {project_config / name, user_config / name})
        if (fs::exists(file)) config = read_over(read_file(file), file.string(), std::move(config));
    return config;
}

// For files that are a map of named entries: an entry replaces the one of
// its name whole.
template <class Map, class Parse>
auto entries_over(Parse parse) {
    return [parse](const std::string& text, const std::string& file, Map config) {
        for (auto& [name, entry] : parse(text, file)) config[name] = std::move(entry);
        return config;
    };
}

std::string read_from(const fs::path& project_config, const fs::path& user_config, const std::string& name) {
    return (project_config / name).string() + " or " + (user_config / name).string();
}

}  // namespace

TreeConfig load_tree_config(const fs::path& project_config, const fs::path& user_config) {
    TreeConfig config = read_layers(project_config, user_config, "trees.yaml", TreeConfig{},
                                    entries_over<TreeConfig>(parse_tree_config));
    check_tree_bases(config, read_from(project_config, user_config, "trees.yaml"));
    return config;
}

LoreConfig load_lore_config(const fs::path& project_config, const fs::path& user_config) {
    return read_layers(project_config, user_config, "lore.yaml", LoreConfig{},
                       [](const std::string& text, const std::string& file, LoreConfig config) {
                           return parse_lore_config(text, file, std::move(config));
                       });
}

HostConfig load_host_config(const fs::path& project_config, const fs::path& user_config) {
    HostConfig config = read_layers(project_config, user_config, "hosts.yaml", HostConfig{},
                                    entries_over<HostConfig>(parse_host_config));
    check_step_hosts(config, read_from(project_config, user_config, "hosts.yaml"));
    return config;
}

std::map<std::string, BuildArch> load_build_arches(const fs::path& project_config, const fs::path& user_config) {
    using Arches = std::map<std::string, BuildArch>;
    return read_layers(project_config, user_config, "build.yaml", Arches{}, entries_over<Arches>(parse_build_arches));
}

std::map<std::string, std::string> load_subject_prefixes(const fs::path& project_config, const fs::path& user_config) {
    using Prefixes = std::map<std::string, std::string>;
    return read_layers(project_config, user_config, "subject-prefixes.yaml", Prefixes{},
                       entries_over<Prefixes>([](const std::string& text, const std::string& file) {
                           YamlFields at(parse_yaml(text, file), "", file);
                           Prefixes prefixes = at.text_map("prefixes");
                           at.finish();
                           return prefixes;
                       }));
}

}  // namespace seriesctl
