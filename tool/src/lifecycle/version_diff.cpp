#include "lifecycle/version_diff.h"

#include "apply/series_apply.h"
#include "proc/subprocess.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "tree/base_standing.h"
#include "util/error.h"

namespace seriesctl::lifecycle {

namespace {

// The commit a version's patches are applied on: its base where the store
// has it, else its tree's tip (a tree that moved: both versions of a diff
// then sit on the same tip, which is what a reviewer compares anyway).
std::string apply_point(const config::TreeConfig& trees, const tree::TreeStore& store, const series::Series& series,
                        const series::Version& version) {
    if (!version.base.commit.empty() && store.resolve(version.base.commit)) return version.base.commit;
    tree::BaseStanding standing = tree::base_standing(trees, store, series.tree_of(version), version);
    if (standing.tip.empty()) throw util::Error(version.name() + ": " + standing.problem);
    return standing.tip;
}

std::vector<std::string> commits_of(git_repository* repo, const series::Version& version,
                                    const std::string& base_commit, const std::vector<patch::PatchFile>& patches) {
    git_oid base = git::parse_oid(base_commit, version.name() + " base");
    apply::SeriesApplyResult result = apply::apply_series(repo, base, patches, apply::Materialise::commits);
    if (result.commits.size() != patches.size()) {
        for (const auto& patch : result.report.patches)
            if (patch.outcome() == patch::Outcome::conflict)
                throw util::Error(version.name() + ": patch " + std::to_string(patch.number) + " (" + patch.subject +
                            ") does not apply on " + base_commit.substr(0, 12));
        throw util::Error(version.name() + ": its patches do not apply on its base");
    }
    std::vector<std::string> ids;
    for (const auto& commit : result.commits) ids.push_back(git::to_string(commit));
    return ids;
}

// git range-diff of one commit against another: their diff of diffs. A
// creation factor this high makes it pair them however much they differ.
std::string interdiff(const tree::TreeStore& store, const std::string& old_commit, const std::string& new_commit) {
    proc::Command command{{"git", "--git-dir=" + store.store_dir().string(), "range-diff", "--no-color", "--no-notes",
                     "--creation-factor=999", old_commit + "^.." + old_commit, new_commit + "^.." + new_commit},
                    {},
                    {{"GIT_CONFIG_NOSYSTEM", "1"}, {"GIT_CONFIG_GLOBAL", "/dev/null"}}};
    return range_diff_body(proc::run_checked(command, "git range-diff").out);
}

}  // namespace

VersionDiff diff_versions(const repo::Project& project, const config::TreeConfig& trees, const std::string& series_name,
                          const std::string& old_version, const std::string& new_version, const tree::TreeStore& store,
                          const std::function<void(const std::string&)>& progress) {
    VersionDiff diff;
    diff.series = project.resolve_series(series_name);
    series::Series series = repo::load_series_file(project.series_file(diff.series));
    const series::Version& old_one = series.version(old_version);
    const series::Version& new_one = series.version(new_version);
    diff.old_version = old_one.name();
    diff.new_version = new_one.name();
    std::vector<patch::PatchFile> old_patches = repo::load_version_patches(project, old_one);
    std::vector<patch::PatchFile> new_patches = repo::load_version_patches(project, new_one);
    diff.pairs = pair_patches(old_patches, new_patches);

    bool changed = false;
    for (const auto& pair : diff.pairs)
        changed = changed || pair.change == PatchChange::message_only || pair.change == PatchChange::code_changed;
    if (!changed) return diff;
    progress("applying " + diff.old_version + " and " + diff.new_version + " on their bases in memory");
    std::string old_base = apply_point(trees, store, series, old_one);
    std::string new_base = apply_point(trees, store, series, new_one);
    auto repo = store.open();
    std::vector<std::string> old_commits = commits_of(repo.get(), old_one, old_base, old_patches);
    std::vector<std::string> new_commits = commits_of(repo.get(), new_one, new_base, new_patches);
    for (auto& pair : diff.pairs)
        if (pair.change == PatchChange::message_only || pair.change == PatchChange::code_changed)
            pair.interdiff = interdiff(store, old_commits[static_cast<size_t>(pair.old_number - 1)],
                                       new_commits[static_cast<size_t>(pair.new_number - 1)]);
    return diff;
}

}  // namespace seriesctl::lifecycle
