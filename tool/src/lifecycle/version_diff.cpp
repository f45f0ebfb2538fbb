#include "lifecycle/version_diff.h"

#include "apply/series_apply.h"
#include "proc/subprocess.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "tree/base_standing.h"
#include "util/error.h"

namespace seriesctl {

namespace {

// The commit a version's patches are applied on: its base where the store
// has it, else its tree's tip (a tree that moved: both versions of a diff
// then sit on the same tip, which is what a reviewer compares anyway).
std::string apply_point(const TreeConfig& trees, const TreeStore& store, const Series& series, const Version& version) {
    if (!version.base.commit.empty() && store.resolve(version.base.commit)) return version.base.commit;
    BaseStanding standing = base_standing(trees, store, series.tree_of(version), version);
    if (standing.tip.empty()) throw Error(version.name() + ": " + standing.problem);
    return standing.tip;
}

std::vector<std::string> commits_of(git_repository* repo, const Version& version, const std::string& base_commit,
                                    const std::vector<PatchFile>& patches) {
    git_oid base = git::parse_oid(base_commit, version.name() + " base");
    SeriesApplyResult result = apply_series(repo, base, patches, Materialise::commits);
    if (result.commits.size() != patches.size()) {
        for (const auto& patch : result.report.patches)
            if (patch.outcome() == Outcome::conflict)
                throw Error(version.name() + ": patch " + std::to_string(patch.number) + " (" + patch.subject +
                            ") does not apply on " + base_commit.substr(0, 12));
        throw Error(version.name() + ": its patches do not apply on its base");
    }
    std::vector<std::string> ids;
    for (const auto& commit : result.commits) ids.push_back(git::to_string(commit));
    return ids;
}

// git range-diff of one commit against another: their diff of diffs. A
// creation factor this high makes it pair them however much they differ.
std::string interdiff(const TreeStore& store, const std::string& old_commit, const std::string& new_commit) {
    Command command{{"git", "--git-dir=" + store.store_dir().string(), "range-diff", "--no-color", "--no-notes",
                     "--creation-factor=999", old_commit + "^.." + old_commit, new_commit + "^.." + new_commit},
                    {},
                    {{"GIT_CONFIG_NOSYSTEM", "1"}, {"GIT_CONFIG_GLOBAL", "/dev/null"}}};
    return range_diff_body(run_checked(command, "git range-diff").out);
}

}  // namespace

VersionDiff diff_versions(const Project& project, const TreeConfig& trees, const std::string& series_name,
                          const std::string& old_version, const std::string& new_version, const TreeStore& store,
                          const std::function<void(const std::string&)>& progress) {
    VersionDiff diff;
    diff.series = project.resolve_series(series_name);
    Series series = load_series_file(project.series_file(diff.series));
    const Version& old_one = series.version(old_version);
    const Version& new_one = series.version(new_version);
    diff.old_version = old_one.name();
    diff.new_version = new_one.name();
    std::vector<PatchFile> old_patches = load_version_patches(project, old_one);
    std::vector<PatchFile> new_patches = load_version_patches(project, new_one);
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

}  // namespace seriesctl
