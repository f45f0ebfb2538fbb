#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace seriesctl {

/// A kernel tree seriesctl can apply, build and check a series on.
struct TreeSpec {
    enum class Kind { tarball, remote, series };
    std::string name;
    Kind kind = Kind::tarball;
    // tarball: a source tarball imported as one commit (works offline)
    std::string tarball;
    std::string package;  ///< Debian package whose version tags the import
    std::string version;  ///< or a fixed version
    // remote: fetched with git
    std::string url;
    std::string branch;   ///< or
    std::string tag;      ///< exactly one of the two

    /// "refs/heads/<branch>" or "refs/tags/<tag>": what a remote tree fetches.
    std::string source_ref() const { return branch.empty() ? "refs/tags/" + tag : "refs/heads/" + branch; }
    // series: another tree plus series applied from lore, by message-id
    std::string base;
    std::vector<std::string> apply;
};

using TreeConfig = std::map<std::string, TreeSpec>;

/// Parses trees.yaml text; errors name file, line and field.
TreeConfig parse_tree_config(const std::string& text, const std::string& file);

/// The project's config/trees.yaml with the user's trees.yaml
/// ($XDG_CONFIG_HOME/seriesctl/trees.yaml) on top: a tree of the same name
/// is replaced whole, new names are added.
TreeConfig load_tree_config(const std::filesystem::path& project_config, const std::filesystem::path& user_config);

/// The tree of that name; throws Error listing the configured ones.
const TreeSpec& find_tree(const TreeConfig& config, const std::string& name);

}  // namespace seriesctl
