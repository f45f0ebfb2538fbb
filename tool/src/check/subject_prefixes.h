#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace seriesctl::check {

/// Which subject prefixes a subsystem uses for a path: from the tree's
/// history when it has one (the last commits touching the path's
/// directory), else from subject-prefixes.yaml (load_subject_prefixes).
/// subject-prefixes.yaml (path -> subject prefix), by the rule of
/// config/layered.h.
std::map<std::string, std::string> load_subject_prefixes(const std::filesystem::path& project_config,
                                                         const std::filesystem::path& user_config);

class SubjectPrefixes {
public:
    SubjectPrefixes(std::filesystem::path store, std::string tip, bool has_history,
                    std::map<std::string, std::string> configured);
    std::vector<std::string> operator()(const std::string& path);

private:
    std::filesystem::path store_;
    std::string tip_;
    bool has_history_;
    std::map<std::string, std::string> configured_;
    std::map<std::string, std::vector<std::string>> by_directory_;
};

}  // namespace seriesctl::check
