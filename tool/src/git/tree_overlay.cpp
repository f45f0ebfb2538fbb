#include "git/tree_overlay.h"

#include <vector>

#include "util/error.h"

namespace seriesctl::git {

namespace {

using TreeEntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;

}  // namespace

TreeOverlay::TreeOverlay(git_repository* repo, const git_oid& commit) : repo_(repo) {
    git_commit* raw_commit = nullptr;
    check(git_commit_lookup(&raw_commit, repo, &commit), "cannot read commit " + to_string(commit));
    CommitPtr owned(raw_commit);
    git_tree* raw_tree = nullptr;
    check(git_commit_tree(&raw_tree, owned.get()), "cannot read the tree of " + to_string(commit));
    base_.reset(raw_tree);
}

std::optional<TreeOverlay::File> TreeOverlay::read(const std::string& path) const {
    if (auto changed = changes_.find(path); changed != changes_.end()) return changed->second;
    git_tree_entry* raw_entry = nullptr;
    if (git_tree_entry_bypath(&raw_entry, base_.get(), path.c_str()) != 0) return std::nullopt;
    TreeEntryPtr entry(raw_entry);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return std::nullopt;
    git_blob* raw_blob = nullptr;
    check(git_blob_lookup(&raw_blob, repo_, git_tree_entry_id(entry.get())), "cannot read " + path);
    BlobPtr blob(raw_blob);
    File file;
    file.content.assign(static_cast<const char*>(git_blob_rawcontent(blob.get())), git_blob_rawsize(blob.get()));
    file.mode = git_tree_entry_filemode(entry.get());
    return file;
}

void TreeOverlay::write(const std::string& path, File file) { changes_[path] = std::move(file); }

void TreeOverlay::remove(const std::string& path) { changes_[path] = std::nullopt; }

git_oid TreeOverlay::write_tree() const {
    std::vector<git_tree_update> updates;
    for (const auto& [path, file] : changes_) {
        git_tree_update update{};
        update.path = path.c_str();
        if (file) {
            check(git_blob_create_from_buffer(&update.id, repo_, file->content.data(), file->content.size()),
                  "cannot store " + path);
            update.action = GIT_TREE_UPDATE_UPSERT;
            update.filemode = static_cast<git_filemode_t>(file->mode);
        } else {
            git_tree_entry* raw_entry = nullptr;
            if (git_tree_entry_bypath(&raw_entry, base_.get(), path.c_str()) != 0) continue;  // added, then removed
            git_tree_entry_free(raw_entry);
            update.action = GIT_TREE_UPDATE_REMOVE;
        }
        updates.push_back(update);
    }
    git_oid tree;
    check(git_tree_create_updated(&tree, repo_, base_.get(), updates.size(), updates.data()),
          "cannot write the patched tree");
    return tree;
}

}  // namespace seriesctl::git
