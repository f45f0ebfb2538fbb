#include "rebase/rebase_version.h"

#include "apply/series_apply.h"
#include "git/diff_parser.h"
#include "patch/patch_regeneration.h"
#include "rebase/format_patch.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "tree/base_standing.h"
#include "tree/tree_access.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace seriesctl::rebase {

namespace {

struct LoadedVersion {
    std::string series;
    std::vector<std::string> targets;
    series::Version version;
    std::vector<patch::PatchFile> patches;
};

LoadedVersion load(const repo::Project& project, const VersionRef& ref) {
    repo::VersionAtHand at_hand = repo::load_version_at_hand(project, ref.series, ref.version);
    LoadedVersion loaded;
    loaded.series = at_hand.series.name;
    loaded.targets = at_hand.series.targets;
    loaded.version = at_hand.version();
    loaded.patches = std::move(at_hand.patches);
    return loaded;
}

patch::TreeReport try_on(const config::TreeSpec& tree, const tree::TreeStore& store,
                         const std::vector<patch::PatchFile>& patches, apply::Materialise materialise,
                         std::vector<git_oid>* commits, const ProgressFn& progress) {
    patch::TreeReport report;
    report.tree = tree.name;
    auto tip = tree_tip(tree, store, progress);
    if (!tip) {
        report.missing = "not in the cache: run `seriesctl tree sync " + tree.name + "`";
        return report;
    }
    auto repo = store.open();
    apply::SeriesApplyResult result = apply::apply_series(
        repo.get(), git::parse_oid(*tip, "tree " + tree.name), patches, materialise, [&](size_t done) {
            progress(tree.name + ": " + std::to_string(done) + "/" + std::to_string(patches.size()) + " patches");
        });
    result.report.tree = tree.name;
    if (commits) *commits = result.commits;
    return result.report;
}

}  // namespace

patch::RebaseCheckReport check_version(const repo::Project& project, const VersionRef& ref,
                                       const config::TreeConfig& config, const std::vector<std::string>& names,
                                       const tree::TreeStore& store, const ProgressFn& progress) {
    LoadedVersion loaded = load(project, ref);
    std::vector<std::string> trees = names.empty() ? loaded.targets : names;
    if (trees.empty())
        for (const auto& [name, tree] : config) trees.push_back(name);
    patch::RebaseCheckReport check;
    check.series = loaded.series;
    check.version = loaded.version.name();
    for (const auto& patch : loaded.patches) check.patches.push_back(patch.summary);
    for (const auto& name : trees)
        check.trees.push_back(
            try_on(config::find_tree(config, name), store, loaded.patches, apply::Materialise::no, nullptr, progress));
    return check;
}

RebaseOutcome rebase_version(const repo::Project& project, const VersionRef& ref, const config::TreeSpec& tree,
                             const tree::TreeStore& store, const ProgressFn& progress) {
    LoadedVersion loaded = load(project, ref);
    RebaseOutcome outcome;
    outcome.series = loaded.series;
    outcome.version = loaded.version.name();
    if (loaded.version.frozen())
        throw util::Error(outcome.version + " is " + to_string(loaded.version.state) +
                    ": its files are what was mailed; rebase a draft version instead");
    for (const auto& patch : loaded.patches) patch::note_text(patch);  // refuse what format-patch cannot write again

    std::vector<git_oid> commits;
    outcome.report = try_on(tree, store, loaded.patches, apply::Materialise::commits_and_notes, &commits, progress);
    if (!outcome.report.missing.empty()) throw util::Error("tree " + tree.name + " is " + outcome.report.missing);
    if (tree.kind == config::TreeSpec::Kind::series) outcome.declares = tree::series_tree_base(store, tree.name);
    if (!outcome.report.applies()) return outcome;

    outcome.tip = git::to_string(commits.back());
    progress("writing " + outcome.version + " with git format-patch");
    auto texts =
        format_patch(store.store_dir(), outcome.report.commit, outcome.tip, patch::format_patch_options(loaded.patches),
                     apply::rebase_notes_ref, store.scratch_dir());
    if (texts.size() != loaded.patches.size())
        throw util::Error("git format-patch wrote " + std::to_string(texts.size()) + " patches for " +
                    std::to_string(loaded.patches.size()) + " commits");
    std::vector<util::StagedFile> staged;
    for (size_t i = 0; i < texts.size(); ++i) {
        const patch::PatchFile& original = loaded.patches[i];
        std::string why = patch::regeneration_difference(original, git::read_patch(texts[i], original.name));
        if (!why.empty()) throw util::Error(original.name + ": cannot be written again as it was: " + why);
        outcome.written.push_back(project.root() / original.name);
        staged.emplace_back(outcome.written.back(), texts[i]);
    }

    outcome.base = tree::base_at_tip(tree, store, outcome.report.commit);
    store.set_ref("refs/seriesctl/" + outcome.series + "/" + outcome.version, commits.back());
    repo::update_series_file(project.series_file(outcome.series), [&](series::Series& series) {
        series::Version& version = series.version(outcome.version);
        if (version.frozen()) throw util::Error(outcome.version + " was sent meanwhile; nothing written");
        version.base = outcome.base;
    });
    for (auto& file : staged) file.place();
    return outcome;
}

}  // namespace seriesctl::rebase
