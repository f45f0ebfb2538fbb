#include "lifecycle/carry_trailers.h"

#include "git/diff_parser.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace seriesctl::lifecycle {

TrailersOutcome carry_trailers(const repo::Project& project, const std::string& series_name,
                               const std::string& version_name, bool force) {
    TrailersOutcome outcome;
    outcome.series = project.resolve_series(series_name);
    series::Series series = repo::load_series_file(project.series_file(outcome.series));
    const series::Version* target = nullptr;
    if (!version_name.empty()) {
        target = &series.version(version_name);
    } else {
        for (const auto& version : series.versions)
            if (version.state == series::VersionState::draft) target = &version;
        if (!target) throw util::Error("series " + series.name + " has no draft: name a version with --version vN");
    }
    outcome.version = target->name();
    if (target->frozen())
        throw util::Error(outcome.version + " is " + to_string(target->state) + ": its files are what was mailed");

    std::vector<patch::PatchFile> patches = repo::load_version_patches(project, *target);
    std::map<std::string, std::vector<patch::PatchFile>> earlier;
    for (const auto& version : series.versions) {
        if (version.number >= target->number) break;
        bool gives_trailers = false;
        for (const auto& review : version.reviews) gives_trailers = gives_trailers || !review.trailers.empty();
        if (gives_trailers) earlier[version.name()] = repo::load_version_patches(project, version);
    }
    outcome.plan = series::plan_trailers(series, *target, patches, earlier, force);

    std::string why;
    mail::Address submitter = mail::parse_address(series.from, &why);
    std::vector<util::StagedFile> staged;
    for (size_t i = 0; i < patches.size(); ++i) {
        if (outcome.plan.add[i].empty()) continue;
        std::vector<std::string> trailers;
        for (const auto& carried : outcome.plan.add[i]) trailers.push_back(carried.trailer);
        std::filesystem::path file = project.root() / patches[i].name;
        std::string text = series::with_trailers(util::read_file(file), patches[i], trailers, submitter);
        git::read_patch(text, patches[i].name);  // what is written must read back
        staged.emplace_back(file, text);
        outcome.written.push_back(file);
    }
    for (auto& file : staged) file.place();
    return outcome;
}

}  // namespace seriesctl::lifecycle
