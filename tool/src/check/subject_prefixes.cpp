#include "check/subject_prefixes.h"

#include <sstream>

#include "check/series_lint.h"
#include "config/layered.h"
#include "proc/subprocess.h"
#include "series/yaml_fields.h"

namespace seriesctl::check {

SubjectPrefixes::SubjectPrefixes(std::filesystem::path store, std::string tip, bool has_history,
                                 std::map<std::string, std::string> configured)
    : store_(std::move(store)), tip_(std::move(tip)), has_history_(has_history), configured_(std::move(configured)) {}

std::vector<std::string> SubjectPrefixes::operator()(const std::string& path) {
    if (!has_history_) return prefixes_from_map(configured_, path);
    std::string directory = std::filesystem::path(path).parent_path().string();
    auto cached = by_directory_.find(directory);
    if (cached != by_directory_.end()) return cached->second;
    proc::ProcessResult log =
        run_command(proc::Command{{"git", "--git-dir=" + store_.string(), "log", "-n", "40", "--no-merges",
                                   "--format=%s", tip_, "--", directory.empty() ? "." : directory}});
    std::vector<std::string> subjects;
    std::istringstream lines(log.out);
    for (std::string line; std::getline(lines, line);) subjects.push_back(line);
    auto prefixes = prefixes_from_subjects(subjects);
    if (prefixes.size() > 3) prefixes.resize(3);
    if (prefixes.empty()) prefixes = prefixes_from_map(configured_, path);
    return by_directory_[directory] = prefixes;
}

std::map<std::string, std::string> load_subject_prefixes(const std::filesystem::path& project_config,
                                                         const std::filesystem::path& user_config) {
    using Prefixes = std::map<std::string, std::string>;
    return read_layers(project_config, user_config, "subject-prefixes.yaml", Prefixes{},
                       config::entries_over<Prefixes>([](const std::string& text, const std::string& file) {
                           series::YamlFields at(series::parse_yaml(text, file), "", file);
                           Prefixes prefixes = at.text_map("prefixes");
                           at.finish();
                           return prefixes;
                       }));
}

}  // namespace seriesctl::check
