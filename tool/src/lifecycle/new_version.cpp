#include "lifecycle/new_version.h"

#include <map>

#include "repo/series_content.h"
#include "repo/series_file.h"
#include "series/lifecycle.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/scratch_dir.h"

namespace fs = std::filesystem;

namespace seriesctl::lifecycle {

namespace {

// `dir` holds these files, byte for byte, and nothing else.
bool holds_exactly(const fs::path& dir, const std::map<std::string, std::string>& files) {
    size_t found = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        auto expected = files.find(entry.path().filename().string());
        if (!entry.is_regular_file() || expected == files.end() || util::read_file(entry.path()) != expected->second)
            return false;
        ++found;
    }
    return found == files.size();
}

}  // namespace

NewVersionOutcome new_version(const repo::Project& project, const std::string& series_name, const std::string& from) {
    NewVersionOutcome outcome;
    outcome.series = project.resolve_series(series_name);
    fs::path file = project.series_file(outcome.series);
    series::Series series = repo::load_series_file(file);
    const series::Version& source = series::version_to_cut_from(series, from);
    outcome.from = source.name();
    std::vector<patch::PatchFile> patches = repo::load_version_patches(project, source);
    if (patches.empty())
        throw util::Error(source.name() + ": no patch files in " + (project.root() / source.patches).string());

    int number = series.latest().number + 1;
    std::string relative_dir = "kernel/" + outcome.series + "/v" + std::to_string(number);
    fs::path dir = project.root() / relative_dir;
    std::map<std::string, std::string> files;  // file name → text
    for (size_t i = 0; i < patches.size(); ++i) {
        fs::path original = project.root() / patches[i].name;
        std::string prefix = series::patch_prefix(series.prefix, number, static_cast<int>(i) + 1,
                                          static_cast<int>(patches.size()));
        files[original.filename().string()] =
            series::with_subject_prefix(util::read_file(original), prefix, patches[i].name);
        outcome.files.push_back(dir / original.filename());
    }

    // A directory holding exactly these files is what a run stopped before
    // it could record the version left (killed, power lost): taken as it is.
    bool adopted = fs::exists(dir) && holds_exactly(dir, files);
    if (fs::exists(dir) && !adopted)
        throw util::Error(dir.string() + " exists already; move it away before cutting v" + std::to_string(number));
    if (!adopted) {
        // Every file is written in a scratch directory beside the target,
        // which is renamed into place only once all are there.
        util::ScratchDir staging(dir.parent_path());
        for (const auto& [name, text] : files) util::write_file_atomically(staging.path() / name, text);
        fs::rename(staging.path(), dir);
    }
    try {
        repo::update_series_file(file, [&](series::Series& now) {
            const series::Version& cut_from = series::version_to_cut_from(now, outcome.from);
            if (now.latest().number + 1 != number)
                throw util::Error("the series file changed meanwhile; nothing written");
            now.versions.push_back(series::next_version(now, cut_from, relative_dir));
            outcome.created = now.versions.back();
        });
    } catch (...) {
        std::error_code ignored;
        if (!adopted) fs::remove_all(dir, ignored);
        throw;
    }
    return outcome;
}

}  // namespace seriesctl::lifecycle
