#include "apply/series_apply.h"

#include "apply/apply_patch.h"
#include "git/objects.h"
#include "git/tree_overlay.h"
#include "mail/mail_date.h"
#include "patch/patch_regeneration.h"
#include "util/error.h"

namespace seriesctl::apply {

namespace {

git::Signature author_of(const patch::PatchFile& patch) {
    auto date = mail::parse_mail_date_zone(patch.date);
    if (!date) throw util::Error(patch.name + ": Date: '" + patch.date + "' is not an RFC 2822 date");
    return {patch.author.name, patch.author.email, date->time, date->offset};
}

}  // namespace

SeriesApplyResult apply_series(git_repository* repo, const git_oid& base, const std::vector<patch::PatchFile>& patches,
                           Materialise materialise, const std::function<void(size_t done)>& progress) {
    SeriesApplyResult result;
    result.report.commit = git::to_string(base);
    git::TreeOverlay tree(repo, base);
    git_oid parent = base;
    bool committing = materialise != Materialise::no;
    for (size_t i = 0; i < patches.size(); ++i) {
        const patch::PatchFile& patch = patches[i];
        result.report.patches.push_back(apply_patch(tree, repo, patch, static_cast<int>(i) + 1));
        committing = committing && result.report.patches.back().outcome() != patch::Outcome::conflict;
        if (committing) {
            git::Signature author = author_of(patch);
            parent = git::write_commit(repo, tree.write_tree(), parent, author, patch::commit_message(patch));
            std::string note = materialise == Materialise::commits_and_notes ? patch::note_text(patch) : "";
            if (!note.empty()) git::write_note(repo, rebase_notes_ref, parent, author, note);
            result.commits.push_back(parent);
        }
        if (progress) progress(i + 1);
    }
    if (!committing) result.commits.clear();
    return result;
}

std::vector<git_oid> applied_trees(git_repository* repo, const std::string& base,
                                   const std::vector<patch::PatchFile>& patches) {
    git_oid base_commit = git::parse_oid(base, "base commit");
    git::TreeOverlay tree(repo, base_commit);
    std::vector<git_oid> trees = {tree.write_tree()};
    for (size_t i = 0; i < patches.size(); ++i) {
        patch::PatchReport report = apply_patch(tree, repo, patches[i], static_cast<int>(i) + 1);
        for (const auto& file : report.files) {
            if (file.outcome != patch::Outcome::conflict) continue;
            std::string where = file.problem;
            for (const auto& hunk : file.hunks)
                if (hunk.outcome == patch::Outcome::conflict && where.empty())
                    where = "hunk " + hunk.header + " conflicts";
            throw util::Error("patch " + std::to_string(i + 1) + " (" + patches[i].name + ") does not apply to " +
                        base.substr(0, 12) + ": " + file.path + ": " + where +
                        "; `seriesctl rebase --check` shows every hunk");
        }
        trees.push_back(tree.write_tree());
    }
    return trees;
}

}  // namespace seriesctl::apply
