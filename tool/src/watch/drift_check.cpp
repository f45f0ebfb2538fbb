#include "watch/drift_check.h"

#include <set>

#include "apply/series_apply.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "tree/tree_sync.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/xdg.h"

namespace seriesctl::watch {

namespace {

std::filesystem::path state_file(const repo::Project& project) {
    std::string key = util::sha256_hex(std::filesystem::absolute(project.root()).string()).substr(0, 16);
    return util::cache_dir() / "watch" / ("drift-" + key + ".json");
}

// The version a reviewer has or is about to have: the newest ready or sent one.
const series::Version* watched_version(const series::Series& series) {
    for (auto it = series.versions.rbegin(); it != series.versions.rend(); ++it)
        if (it->state == series::VersionState::ready || it->state == series::VersionState::sending ||
            it->state == series::VersionState::sent)
            return &*it;
    return nullptr;
}

std::vector<std::string> paths_of(const std::vector<patch::PatchFile>& patches) {
    std::set<std::string> paths;
    for (const auto& patch : patches)
        for (const auto& file : patch.files)
            for (const auto& path : {file.old_path, file.new_path})
                if (!path.empty()) paths.insert(path);
    return {paths.begin(), paths.end()};
}

Standing standing_at(git_repository* repo, const git_oid& commit, const std::vector<patch::PatchFile>& patches) {
    return standing_of(apply::apply_series(repo, commit, patches, apply::Materialise::no).report);
}

// The first commit between the last check and the tip at which the version
// reaches `standing`: a bisection over the commits that touch its files
// (the tip's files are those of the last of them, so that one has it).
void find_first(git_repository* repo, const git_oid& from, const git_oid& tip,
                const std::vector<patch::PatchFile>& patches, DriftNews& news,
                const std::function<void(const std::string&)>& progress) {
    std::vector<git_oid> touching = git::commits_touching(repo, from, tip, paths_of(patches));
    news.touching = touching.size();
    if (touching.empty()) return;
    size_t low = 0, high = touching.size() - 1;  // touching[high] has the standing
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        progress(news.now.tree + ": looking for the first commit at " + to_string(news.now.standing) + " (" +
                 std::to_string(high - low + 1) + " left)");
        if (standing_at(repo, touching[middle], patches) >= news.now.standing)
            high = middle;
        else
            low = middle + 1;
    }
    news.first = git::summarise_commit(repo, touching[low]);
}

void sync_if_old(const config::TreeSpec& tree, const tree::TreeStore& store, const config::LoreConfig& lore,
                 const DriftOptions& options, DriftReport& report) {
    if (tree.kind == config::TreeSpec::Kind::tarball) return;  // it changes when its package does
    auto synced = store.synced_at(tree.name);
    if (synced && options.now - *synced < tree.sync_age_seconds) return;
    try {
        tree::sync_tree(tree, store, lore, options.progress);
    } catch (const util::Error& e) {
        report.notes.push_back(tree.name + ": not synced (" + e.what() + "); checked on what the cache has");
    }
}

std::string patches_key(const std::vector<patch::PatchFile>& patches) {
    return util::sha256_hex(patch::patch_ids(patches)).substr(0, 16);
}

// Checks one target of one series; returns whether the state changed.
bool check_target(const std::string& name, const series::Version& version, const std::vector<patch::PatchFile>& patches,
                  const std::string& target, const config::TreeConfig& trees, const config::LoreConfig& lore,
                  const tree::TreeStore& store, const DriftOptions& options, std::set<std::string>& synced,
                  DriftState& state, DriftReport& report) {
    auto spec = trees.find(target);
    if (spec == trees.end()) {
        report.notes.push_back(name + " targets " + target + ", which trees.yaml does not name");
        return false;
    }
    if (synced.insert(target).second) sync_if_old(spec->second, store, lore, options, report);
    auto tip = store.resolve(tree::TreeStore::tip_ref(target));
    if (!tip) {
        report.notes.push_back(target + ": not in the cache, not checked (`seriesctl tree sync " + target + "`)");
        return false;
    }
    TargetCheck now{name,       target, version.name(), git::to_string(*tip), patches_key(patches), Standing::clean,
                    options.now};
    const TargetCheck* before = state.find(name, target);
    auto repo = store.open();
    if (before && before->version == now.version && before->patches == now.patches && before->commit == now.commit) {
        now.standing = before->standing;  // nothing moved: the same answer
    } else {
        options.progress(target + ": trying " + name + " " + now.version);
        patch::TreeReport tried = apply::apply_series(repo.get(), *tip, patches, apply::Materialise::no).report;
        now.standing = standing_of(tried);
        if (is_news(before, now)) {
            DriftNews news{now, before ? std::optional(*before) : std::nullopt, spot_of(tried, now.standing)};
            if (before && before->version == now.version && now.standing > before->standing) {
                auto from = git::find_commit(repo.get(), before->commit);
                if (!from)
                    news.unnamed = "the last checked commit " + before->commit.substr(0, 12) +
                                   " is no longer in the store: no upstream commit named";
                else if (!git::is_ancestor(repo.get(), *from, *tip))
                    news.unnamed = "the tree's history was rewritten since " + before->commit.substr(0, 12) +
                                   ": no upstream commit named";
                else
                    find_first(repo.get(), *from, *tip, patches, news, options.progress);
            }
            report.news.push_back(news);
        }
    }
    state.put(now);
    report.checked.push_back(now);
    return true;
}

}  // namespace

DriftState load_drift_state(const repo::Project& project) {
    auto file = state_file(project);
    std::error_code missing;
    if (!std::filesystem::exists(file, missing)) return {};
    // Unreadable or foreign: one baseline check again.
    try {
        auto json = nlohmann::json::parse(util::read_file(file), nullptr, false);
        return DriftState::from_json(json).value_or(DriftState{});
    } catch (const util::Error&) {
        return {};
    }
}

DriftReport check_drift(const repo::Project& project, const config::TreeConfig& trees, const config::LoreConfig& lore,
                        const tree::TreeStore& store, const DriftOptions& options) {
    DriftReport report;
    DriftState state = load_drift_state(project);
    std::set<std::string> synced;  // a tree several series target is synced once a poll
    bool changed = false;
    for (const auto& name : project.series_names()) {
        // A series or target that cannot be checked is a note: the rest of
        // the poll (and the replies already stored) still gets reported.
        try {
            series::Series series = repo::load_series_file(project.series_file(name));
            const series::Version* version = watched_version(series);
            if (!version || series.targets.empty()) continue;
            std::vector<patch::PatchFile> patches = repo::load_version_patches(project, *version);
            for (const auto& target : series.targets) {
                try {
                    if (check_target(name, *version, patches, target, trees, lore, store, options, synced, state,
                                     report))
                        changed = true;
                } catch (const std::exception& e) {
                    report.notes.push_back(name + " on " + target + ": not checked: " + e.what());
                }
            }
        } catch (const std::exception& e) {
            report.notes.push_back(name + ": not checked: " + e.what());
        }
    }
    if (changed) {
        auto file = state_file(project);
        std::filesystem::create_directories(file.parent_path());
        util::write_file_atomically(file, state.to_json().dump() + "\n");
    }
    return report;
}

}  // namespace seriesctl::watch
