#include "validate/lava_farm.h"

#include "config/layered.h"
#include "series/yaml_fields.h"

namespace seriesctl::validate {

std::optional<LavaFarm> parse_lava_farm(const std::string& text, const std::string& file) {
    YAML::Node root = series::parse_yaml(text, file);
    if (!root || !root.IsMap() || !root["lava"]) return std::nullopt;
    series::YamlFields at = series::YamlFields(root, "", file).child("lava");
    LavaFarm farm;
    farm.identity = at.text("identity");
    farm.publish = at.text("publish");
    if (!farm.publish.is_absolute()) at.fail("publish", "'" + farm.publish.string() + "' is not an absolute path");
    farm.url = at.text("url");
    if (farm.url.find("://") == std::string::npos) at.fail("url", "'" + farm.url + "' is not a URL");
    while (farm.url.size() > 1 && farm.url.back() == '/') farm.url.pop_back();
    farm.polling = at.integer("polling", farm.polling);
    farm.wait = at.integer("wait", farm.wait);
    if (farm.polling < 1) at.fail("polling", "must be at least 1 second");
    if (farm.wait < farm.polling) at.fail("wait", "must be at least one polling interval");
    at.finish();
    return farm;
}

std::optional<LavaFarm> load_lava_farm(const std::filesystem::path& project_config,
                                       const std::filesystem::path& user_config) {
    return config::read_layers(project_config, user_config, "hosts.yaml", std::optional<LavaFarm>{},
                               [](const std::string& text, const std::string& file, std::optional<LavaFarm> farm) {
                                   if (auto mine = parse_lava_farm(text, file)) return mine;
                                   return farm;
                               });
}

}  // namespace seriesctl::validate
