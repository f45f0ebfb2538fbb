#include "lifecycle/new_version.h"

#include "core/error.h"
#include "core/lifecycle.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "util/atomic_file.h"
#include "util/scratch_dir.h"

namespace fs = std::filesystem;

namespace seriesctl {

NewVersionOutcome new_version(const Project& project, const std::string& series_name, const std::string& from) {
    NewVersionOutcome outcome;
    outcome.series = project.resolve_series(series_name);
    fs::path file = project.series_file(outcome.series);
    Series series = load_series_file(file);
    const Version& source = version_to_cut_from(series, from);
    outcome.from = source.name();
    std::vector<PatchFile> patches = load_version_patches(project, source);
    if (patches.empty()) throw Error(source.name() + ": no patch files in " + (project.root() / source.patches).string());

    int number = series.latest().number + 1;
    std::string relative_dir = "kernel/" + outcome.series + "/v" + std::to_string(number);
    fs::path dir = project.root() / relative_dir;
    if (fs::exists(dir)) throw Error(dir.string() + " exists already; move it away before cutting v" +
                                     std::to_string(number));

    // Every file is written in a scratch directory beside the target, which
    // is renamed into place only once all are there.
    ScratchDir staging(dir.parent_path());
    for (size_t i = 0; i < patches.size(); ++i) {
        fs::path original = project.root() / patches[i].name;
        std::string prefix = patch_prefix(series.prefix, number, static_cast<int>(i) + 1,
                                          static_cast<int>(patches.size()));
        write_file_atomically(staging.path() / original.filename(),
                              with_subject_prefix(read_file(original), prefix, patches[i].name));
        outcome.files.push_back(dir / original.filename());
    }
    fs::rename(staging.path(), dir);
    try {
        update_series_file(file, [&](Series& now) {
            const Version& cut_from = version_to_cut_from(now, outcome.from);
            if (now.latest().number + 1 != number) throw Error("the series file changed meanwhile; nothing written");
            now.versions.push_back(next_version(now, cut_from, relative_dir));
            outcome.created = now.versions.back();
        });
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
        throw;
    }
    return outcome;
}

}  // namespace seriesctl
