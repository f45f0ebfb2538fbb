#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace seriesctl::config {

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
    /// `watch` syncs a remote or series tree once its last sync is older
    /// than this (trees.yaml `sync-age`, "6h", "30m", "1d", "0" = every poll).
    int64_t sync_age_seconds = 6 * 3600;
};

using TreeConfig = std::map<std::string, TreeSpec>;

/// "90s", "30m", "6h", "2d" or "0" as seconds; nullopt for anything else.
std::optional<int64_t> parse_age(const std::string& text);

/// Parses trees.yaml text; errors name file, line and field.
TreeConfig parse_tree_config(const std::string& text, const std::string& file);

/// Throws Error when a series tree's base is not a tree of `config`
/// (`read_from` names the files it came from).
void check_tree_bases(const TreeConfig& config, const std::string& read_from);

/// The tree of that name; throws Error listing the configured ones.
const TreeSpec& find_tree(const TreeConfig& config, const std::string& name);

}  // namespace seriesctl::config
