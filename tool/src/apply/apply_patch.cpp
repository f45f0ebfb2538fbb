#include "apply/apply_patch.h"

#include "git/objects.h"
#include "patch/file_apply.h"

namespace seriesctl::apply {

namespace {

// `git am -3`: the patch applied to its own preimage, merged with the tree's
// version of the file. Only when the patch's preimage is known.
std::optional<std::string> three_way(git_repository* repo, const patch::FileDiff& file, const std::string& ours) {
    if (file.old_blob.empty()) return std::nullopt;
    auto preimage = git::find_blob(repo, file.old_blob);
    if (!preimage) return std::nullopt;
    patch::FileApplyResult theirs = patch::apply_hunks(patch::TextFile::parse(*preimage), file.hunks);
    if (theirs.conflict()) return std::nullopt;  // not this patch's preimage after all
    return git::merge_file(*preimage, ours, theirs.text.render());
}

patch::FileReport apply_file(git::TreeOverlay& tree, git_repository* repo, const patch::FileDiff& file) {
    patch::FileReport report;
    report.path = file.path();
    auto conflict = [&](const std::string& problem) {
        report.outcome = patch::Outcome::conflict;
        report.problem = problem;
        return report;
    };
    if (file.binary) return conflict("binary change: only text patches are applied");

    std::optional<git::TreeOverlay::File> current;
    if (file.old_path.empty()) {
        if (tree.read(file.new_path)) return conflict("exists already in the tree");
        current = git::TreeOverlay::File{};
    } else {
        current = tree.read(file.old_path);
        if (!current) return conflict("does not exist in the tree");
    }

    patch::FileApplyResult applied = patch::apply_hunks(patch::TextFile::parse(current->content), file.hunks);
    report.hunks = applied.hunks;
    std::string result = applied.text.render();
    for (const auto& hunk : report.hunks) report.outcome = patch::worst(report.outcome, hunk.outcome);
    if (applied.conflict()) {
        auto merged = three_way(repo, file, current->content);
        if (!merged) return report;
        result = *merged;
        report.outcome = patch::Outcome::merged;
        for (auto& hunk : report.hunks)
            if (hunk.outcome == patch::Outcome::conflict) {
                hunk.outcome = patch::Outcome::merged;
                hunk.mismatches.clear();
            }
    }

    if (file.new_path.empty()) {
        if (!result.empty()) return conflict("the patch deletes it, but lines the patch does not remove are left");
        tree.remove(file.old_path);
        return report;
    }
    if (!file.old_path.empty() && file.old_path != file.new_path) tree.remove(file.old_path);
    unsigned mode = file.new_mode ? file.new_mode : current->mode ? current->mode : unsigned{GIT_FILEMODE_BLOB};
    tree.write(file.new_path, {std::move(result), mode});
    return report;
}

}  // namespace

patch::PatchReport apply_patch(git::TreeOverlay& tree, git_repository* repo, const patch::PatchFile& patch,
                               int number) {
    patch::PatchReport report;
    report.number = number;
    report.subject = patch.summary;
    for (const auto& file : patch.files) report.files.push_back(apply_file(tree, repo, file));
    return report;
}

}  // namespace seriesctl::apply
