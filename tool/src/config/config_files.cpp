#include "config/config_files.h"

#include "config/layered.h"

namespace fs = std::filesystem;

namespace seriesctl::config {

TreeConfig load_tree_config(const fs::path& project_config, const fs::path& user_config) {
    TreeConfig config = read_layers(project_config, user_config, "trees.yaml", TreeConfig{},
                                    entries_over<TreeConfig>(parse_tree_config));
    check_tree_bases(config, layers_of(project_config, user_config, "trees.yaml"));
    return config;
}

LoreConfig load_lore_config(const fs::path& project_config, const fs::path& user_config) {
    return read_layers(project_config, user_config, "lore.yaml", LoreConfig{},
                       [](const std::string& text, const std::string& file, LoreConfig config) {
                           return parse_lore_config(text, file, std::move(config));
                       });
}

}  // namespace seriesctl::config
