#include "repo/series_content.h"

#include <algorithm>

#include "analyse/series_code_config.h"
#include "config/tree_config.h"
#include "git/diff_parser.h"
#include "repo/series_file.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/xdg.h"

namespace fs = std::filesystem;

namespace seriesctl::repo {

std::vector<patch::PatchFile> load_version_patches(const Project& project, const series::Version& version) {
    fs::path dir = project.root() / version.patches;
    if (!fs::is_directory(dir))
        throw util::Error(version.name() + ": patch directory " + dir.string() + " does not exist");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && entry.path().extension() == ".patch" && name.rfind("0000-", 0) != 0)
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<patch::PatchFile> patches;
    for (const auto& file : files) {
        auto relative = fs::relative(file, project.root()).string();
        patches.push_back(git::read_patch(util::read_file(file), relative));
    }
    return patches;
}

VersionAtHand load_version_at_hand(const Project& project, const std::string& series, const std::string& version) {
    VersionAtHand at_hand;
    at_hand.series = load_series_file(project.series_file(project.resolve_series(series)));
    if (at_hand.series.versions.empty()) throw util::Error("series " + at_hand.series.name + " has no version yet");
    const series::Version& chosen = version.empty() ? at_hand.series.latest() : at_hand.series.version(version);
    at_hand.index = static_cast<size_t>(&chosen - at_hand.series.versions.data());
    at_hand.patches = load_version_patches(project, chosen);
    if (at_hand.patches.empty())
        throw util::Error(chosen.name() + ": no patch files in " + (project.root() / chosen.patches).string());
    return at_hand;
}

std::string config_fragments_hash(const Project& project, const series::Series& series) {
    fs::path dir = project.root() / "kernel" / series.name / "configs";
    std::vector<fs::path> files;
    if (fs::is_directory(dir))
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file() && entry.path().extension() == ".config") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::string all;
    for (const auto& file : files) all += file.filename().string() + '\0' + util::read_file(file) + '\0';
    return util::sha256_hex(all);
}

series::CurrentContent current_content(const Project& project, const series::Series& series,
                                       const std::vector<patch::PatchFile>& patches, const std::string& base_commit) {
    series::CurrentContent now;
    for (const auto& patch : patches) now.patches.push_back({patch.patch_id(), patch.content_hash()});
    now.base = base_commit;
    now.config = config_fragments_hash(project, series);
    return now;
}

tree::BaseStanding cached_base_standing(const config::TreeConfig& trees, const series::Series& series,
                                        const series::Version& version) {
    return tree::base_standing(trees, tree::TreeStore(util::cache_dir()), series.tree_of(version), version);
}

analyse::SeriesCode load_series_code(const Project& project, const series::Series& series) {
    std::filesystem::path file = project.root() / "kernel" / series.name / "configs" / "series-code.yaml";
    if (!std::filesystem::exists(file))
        throw util::Error(file.string() +
                          " does not exist: name the series' code there, or no kernel report can be placed");
    return analyse::parse_series_code(util::read_file(file), file.string());
}

}  // namespace seriesctl::repo
