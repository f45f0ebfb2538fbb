#include "config/tree_config.h"

#include <regex>

#include "series/yaml_fields.h"
#include "util/error.h"

namespace seriesctl::config {

std::optional<int64_t> parse_age(const std::string& text) {
    static const std::regex shape("([0-9]{1,6})([smhd]?)");
    std::smatch match;
    if (!std::regex_match(text, match, shape)) return std::nullopt;
    int64_t number = std::stoll(match[1]);
    std::string unit = match[2];
    if (unit.empty()) return number == 0 ? std::optional<int64_t>(0) : std::nullopt;  // "6" could be hours or seconds
    return number * (unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 86400);
}

TreeConfig parse_tree_config(const std::string& text, const std::string& file) {
    YAML::Node root = series::parse_yaml(text, file);
    TreeConfig config;
    if (!root || root.IsNull()) return config;
    series::YamlFields at(root, "", file);
    static const std::regex name_shape("[a-z0-9][a-z0-9._-]*");
    at.each_entry("trees", [&](const std::string& name, const series::YamlFields& item) {
        if (!std::regex_match(name, name_shape)) item.fail("name", "'" + name + "' is not a tree name (a-z 0-9 . _ -)");
        TreeSpec tree;
        tree.name = name;
        std::string kind = item.choice("kind", {"tarball", "remote", "series"});
        if (kind == "tarball") {
            tree.kind = TreeSpec::Kind::tarball;
            tree.tarball = item.text("tarball");
            tree.package = item.optional_text("package");
            tree.version = item.optional_text("version");
            if (tree.package.empty() == tree.version.empty())
                item.fail("package", "give exactly one of package (its version tags the import) or version");
        } else if (kind == "remote") {
            tree.kind = TreeSpec::Kind::remote;
            tree.url = item.text("url");
            tree.branch = item.optional_text("branch");
            tree.tag = item.optional_text("tag");
            if (tree.branch.empty() == tree.tag.empty()) item.fail("branch", "give exactly one of branch or tag");
        } else {
            tree.kind = TreeSpec::Kind::series;
            tree.base = item.text("base");
            tree.apply = item.texts("apply");
            if (tree.apply.empty()) item.fail("apply", "a series tree needs the message-ids of what it applies");
        }
        if (item.has("sync-age")) {
            if (tree.kind == TreeSpec::Kind::tarball)
                item.fail("sync-age", "a tarball tree is not synced: it changes when its package does");
            auto age = parse_age(item.text("sync-age"));
            if (!age) item.fail("sync-age", "'" + item.text("sync-age") + "' is not an age (90s, 30m, 6h, 2d, 0)");
            tree.sync_age_seconds = *age;
        }
        config[name] = tree;
    });
    at.finish();
    return config;
}

void check_tree_bases(const TreeConfig& config, const std::string& read_from) {
    for (const auto& [name, tree] : config)
        if (tree.kind == TreeSpec::Kind::series && !config.count(tree.base))
            throw util::Error("trees." + name + ".base: no tree named '" + tree.base + "' in " + read_from);
}

const TreeSpec& find_tree(const TreeConfig& config, const std::string& name) {
    auto it = config.find(name);
    if (it != config.end()) return it->second;
    std::string known;
    for (const auto& [tree, spec] : config) known += (known.empty() ? "" : ", ") + tree;
    throw util::Error("no tree named '" + name + "' (configured: " + known + ")");
}

}  // namespace seriesctl::config
