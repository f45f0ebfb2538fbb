#include "tree/series_tree.h"

#include "apply/series_apply.h"
#include "git/diff_parser.h"
#include "mail/mbox.h"
#include "patch/patch.h"
#include "patch/patch_id.h"
#include "proc/subprocess.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/scratch_dir.h"

namespace seriesctl::tree {

namespace {

std::string base_ref(const std::string& tree) { return "refs/tree-bases/" + tree; }

// `b4 am` of one thread, pointed at our archive through git's environment
// config (b4 reads its settings with `git config`). b4 0.12 exits 1 without
// a word when git has no user.name/user.email; it only compares them with
// the series' authors, so any identity does.
std::vector<patch::PatchFile> fetch_series(const std::string& message_id, const config::LoreConfig& lore,
                                    const std::filesystem::path& out, const std::string& name) {
    proc::Command command{{"b4", "-q", "-n", "--no-stdin", "am", "-o", out.string(), "-n", name, message_id}, out, {}};
    std::vector<std::pair<std::string, std::string>> settings = {{"b4.midmask", lore.archive() + "/%s"},
                                                                 {"b4.attestation-policy", "off"},
                                                                 {"user.name", "seriesctl"},
                                                                 {"user.email", "seriesctl@localhost"}};
    command.env.push_back({"GIT_CONFIG_COUNT", std::to_string(settings.size())});
    for (size_t i = 0; i < settings.size(); ++i) {
        command.env.push_back({"GIT_CONFIG_KEY_" + std::to_string(i), settings[i].first});
        command.env.push_back({"GIT_CONFIG_VALUE_" + std::to_string(i), settings[i].second});
    }
    proc::run_checked(command, "b4 am " + message_id);
    auto mbox = out / (name + ".mbx");
    std::vector<patch::PatchFile> patches;
    for (const auto& message : mail::split_mboxrd(util::read_file(mbox), mbox.string()))
        patches.push_back(git::read_patch(message.text, message_id + " message " + std::to_string(patches.size() + 1)));
    if (patches.empty()) throw util::Error("b4 am found no patches in the thread of " + message_id);
    return patches;
}

std::string first_conflict(const patch::TreeReport& report) {
    for (const auto& patch : report.patches)
        for (const auto& file : patch.files) {
            if (file.outcome != patch::Outcome::conflict) continue;
            std::string where = "patch " + std::to_string(patch.number) + " (" + patch.subject + "), " + file.path;
            if (!file.problem.empty()) return where + ": " + file.problem;
            for (const auto& hunk : file.hunks)
                if (hunk.outcome == patch::Outcome::conflict) return where + " " + hunk.header;
        }
    return "";
}

// `git diff-tree -p commit` of each commit in base..tip, by libgit2.
std::string commit_diff(git_repository* repo, git_commit* commit) {
    git_commit* raw_parent = nullptr;
    git::check(git_commit_parent(&raw_parent, commit, 0), "cannot read a parent commit");
    git::CommitPtr parent(raw_parent);
    git_tree *raw_old = nullptr, *raw_new = nullptr;
    git::check(git_commit_tree(&raw_old, parent.get()), "cannot read a tree");
    git::TreePtr old_tree(raw_old);
    git::check(git_commit_tree(&raw_new, commit), "cannot read a tree");
    git::TreePtr new_tree(raw_new);
    git_diff* raw_diff = nullptr;
    git::check(git_diff_tree_to_tree(&raw_diff, repo, old_tree.get(), new_tree.get(), nullptr), "cannot diff");
    git::DiffPtr diff(raw_diff);
    git_buf text = GIT_BUF_INIT;
    git::check(git_diff_to_buf(&text, diff.get(), GIT_DIFF_FORMAT_PATCH), "cannot print a diff");
    std::string result(text.ptr, text.size);
    git_buf_dispose(&text);
    return result;
}

}  // namespace

std::string sync_series_tree(const config::TreeSpec& tree, const TreeStore& store, const config::LoreConfig& lore,
                             const std::function<void(const std::string&)>& progress) {
    auto base = store.resolve(TreeStore::tip_ref(tree.base));
    if (!base) throw util::Error("tree " + tree.name + " builds on " + tree.base + ", which is not synced yet");
    util::ScratchDir scratch(store.scratch_dir());
    auto repo = store.open();
    git_oid tip = *base;
    for (size_t i = 0; i < tree.apply.size(); ++i) {
        const std::string& message_id = tree.apply[i];
        progress(tree.name + ": b4 am " + message_id);
        auto patches = fetch_series(message_id, lore, scratch.path(), "series" + std::to_string(i + 1));
        apply::SeriesApplyResult result =
            apply::apply_series(repo.get(), tip, patches, apply::Materialise::commits, [&](size_t done) {
                progress(tree.name + ": applied " + std::to_string(done) + "/" + std::to_string(patches.size()) +
                         " of " + message_id);
            });
        if (result.commits.empty())
            throw util::Error("tree " + tree.name + ": " + message_id + " does not apply to " + tree.base + " (" +
                        git::to_string(tip).substr(0, 12) + "): " + first_conflict(result.report));
        tip = result.commits.back();
    }
    store.set_ref(base_ref(tree.name), *base);
    store.set_ref(TreeStore::tip_ref(tree.name), tip);
    return git::to_string(tip);
}

SeriesTreeBase series_tree_base(const TreeStore& store, const std::string& tree) {
    auto base = store.resolve(base_ref(tree));
    auto tip = store.resolve(TreeStore::tip_ref(tree));
    if (!base || !tip) throw util::Error("tree " + tree + " is not synced as a series tree");
    SeriesTreeBase result;
    result.base_commit = git::to_string(*base);
    auto repo = store.open();
    std::vector<std::string> newest_first;
    for (git_oid at = *tip; !git_oid_equal(&at, &*base);) {
        git_commit* raw = nullptr;
        git::check(git_commit_lookup(&raw, repo.get(), &at), "cannot read commit " + git::to_string(at));
        git::CommitPtr commit(raw);
        newest_first.push_back(patch::stable_patch_id(commit_diff(repo.get(), commit.get())));
        at = *git_commit_parent_id(commit.get(), 0);
    }
    result.prerequisite_patch_ids.assign(newest_first.rbegin(), newest_first.rend());
    return result;
}

}  // namespace seriesctl::tree
