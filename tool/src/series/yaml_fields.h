#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace seriesctl::series {

/// Reads one YAML mapping field by field, so every complaint names the file,
/// line, column and field path ("versions[1].state"), and a key nobody read
/// (a typo, a field from a newer schema) is an error rather than silently lost.
class YamlFields {
public:
    YamlFields(const YAML::Node& node, std::string path, const std::string& file);

    std::string text(const char* key) const;                  ///< required scalar
    std::string optional_text(const char* key) const;         ///< "" when absent
    int integer(const char* key, int fallback, bool required = false) const;
    std::vector<std::string> texts(const char* key) const;    ///< sequence of scalars
    /// A required scalar that must be one of `allowed`.
    std::string choice(const char* key, const std::vector<std::string>& allowed,
                       const std::string& fallback = "") const;
    /// Each item of a sequence, read as a mapping with its own path.
    void each(const char* key, const std::function<void(const YamlFields&)>& read) const;
    /// Each entry of a mapping, with its key.
    void each_entry(const char* key,
                    const std::function<void(const std::string&, const YamlFields&)>& read) const;
    /// A mapping of scalars.
    std::map<std::string, std::string> text_map(const char* key) const;
    bool has(const char* key) const;
    /// Nested mapping under `key` (must exist when `required`).
    YamlFields child(const char* key) const;

    /// Throws for any key that was not read.
    void finish() const;
    [[noreturn]] void fail(const char* key, const std::string& message) const;

private:
    YAML::Node get(const char* key) const;
    void refuse_repeated_keys(const YAML::Node& map, const std::string& path) const;
    std::string scalar(const YAML::Node& value, const std::string& name) const;
    [[noreturn]] void fail_at(const YAML::Node& at, const std::string& field, const std::string& message) const;
    std::string field(const char* key) const;

    YAML::Node node_;
    std::string path_;
    std::string file_;
    mutable std::set<std::string> read_;
};

/// Parses YAML text; a syntax error names file, line and column.
YAML::Node parse_yaml(const std::string& text, const std::string& file);

}  // namespace seriesctl::series
