#include "build/build_config.h"

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "config/layered.h"
#include "series/yaml_fields.h"

namespace fs = std::filesystem;

namespace seriesctl::build {

namespace {

// Whether a source file #includes the header in one of its two spellings.
bool includes(const std::string& text, const std::string& quoted, const std::string& angled) {
    static const std::regex include_line(R"(\s*#\s*include\s*(\S+).*)");
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::smatch match;
        if (std::regex_match(line, match, include_line) && (match[1] == quoted || (!angled.empty() && match[1] == angled)))
            return true;
    }
    return false;
}

}  // namespace

std::map<std::string, BuildArch> parse_build_arches(const std::string& text, const std::string& file) {
    series::YamlFields at(series::parse_yaml(text, file), "", file);
    std::map<std::string, BuildArch> arches;
    at.each_entry("arches", [&](const std::string& name, const series::YamlFields& item) {
        BuildArch arch;
        arch.name = name;
        arch.arch = item.text("arch");
        arch.cross_compile = item.optional_text("cross-compile");
        if (item.has("defconfig")) arch.defconfig = item.text("defconfig");
        arches[name] = arch;
    });
    at.finish();
    if (arches.empty()) at.fail("arches", "no architecture configured");
    return arches;
}

SeriesBuild parse_series_build(const std::string& text, const std::string& file) {
    series::YamlFields at(series::parse_yaml(text, file), "", file);
    SeriesBuild build;
    build.fragments = at.texts("fragments");
    build.targets = at.texts("targets");
    build.arches = at.texts("arches");
    at.finish();
    if (build.fragments.empty()) at.fail("fragments", "name at least one config fragment");
    static const std::regex object(R"([A-Za-z0-9_./+-]+\.o)");
    for (const auto& target : build.targets)
        if (!std::regex_match(target, object)) at.fail("targets", "'" + target + "' is not an object path (x/y.o)");
    return build;
}

std::vector<std::string> build_targets(const std::vector<patch::PatchFile>& patches,
                                       const std::vector<std::string>& extra,
                                       const std::function<std::vector<std::string>(const std::string&)>& c_files_in,
                                       const std::function<std::string(const std::string&)>& read) {
    std::vector<std::string> targets;
    auto add = [&](const std::string& object) {
        if (std::find(targets.begin(), targets.end(), object) == targets.end()) targets.push_back(object);
    };
    std::set<std::string> headers, directories;
    for (const auto& patch : patches) {
        for (const auto& file : patch.files) {
            if (file.new_path.empty()) continue;  // deleted
            fs::path path = file.new_path;
            if (path.extension() == ".c") add(path.replace_extension(".o").string());
            if (path.extension() == ".h") headers.insert(file.new_path);
            if (file.new_path.rfind("include/", 0) != 0) directories.insert(fs::path(file.new_path).parent_path().string());
        }
    }
    for (const auto& header : headers) {
        std::string quoted = "\"" + fs::path(header).filename().string() + "\"";
        std::string angled = header.rfind("include/", 0) == 0 ? "<" + header.substr(8) + ">" : "";
        for (const auto& dir : directories)
            for (const auto& source : c_files_in(dir))
                if (includes(read(source), quoted, angled)) add(fs::path(source).replace_extension(".o").string());
    }
    for (const auto& object : extra) add(object);
    return targets;
}

std::map<std::string, BuildArch> load_build_arches(const std::filesystem::path& project_config,
                                                   const std::filesystem::path& user_config) {
    using Arches = std::map<std::string, BuildArch>;
    return read_layers(project_config, user_config, "build.yaml", Arches{},
                       config::entries_over<Arches>(parse_build_arches));
}

}  // namespace seriesctl::build
