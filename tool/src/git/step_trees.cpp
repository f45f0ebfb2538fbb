#include "git/step_trees.h"

#include "core/error.h"

namespace seriesctl::git {

namespace {

TreePtr lookup_tree(git_repository* repo, const git_oid& id) {
    git_tree* raw = nullptr;
    check(git_tree_lookup(&raw, repo, &id), "reading tree " + to_string(id));
    return TreePtr(raw);
}

}  // namespace

std::vector<git_oid> step_trees(git_repository* repo, const std::string& base_commit,
                                const std::vector<PatchFile>& patches) {
    git_oid base = parse_oid(base_commit, "base commit");
    git_commit* raw_commit = nullptr;
    check(git_commit_lookup(&raw_commit, repo, &base), "base commit " + base_commit.substr(0, 12) + " is not in the store");
    CommitPtr commit(raw_commit);
    std::vector<git_oid> trees = {*git_commit_tree_id(commit.get())};
    for (size_t i = 0; i < patches.size(); ++i) {
        git_diff* raw_diff = nullptr;
        check(git_diff_from_buffer(&raw_diff, patches[i].diff.data(), patches[i].diff.size()),
              patches[i].name + ": reading the diff");
        DiffPtr diff(raw_diff);
        TreePtr before = lookup_tree(repo, trees.back());
        git_index* raw_index = nullptr;
        if (git_apply_to_tree(&raw_index, repo, before.get(), diff.get(), nullptr) < 0) {
            const git_error* error = git_error_last();
            throw Error("patch " + std::to_string(i + 1) + " (" + patches[i].name + ") does not apply to " +
                        base_commit.substr(0, 12) + (error && error->message ? std::string(": ") + error->message : "") +
                        "; rebase the version onto this tree first");
        }
        IndexPtr index(raw_index);
        git_oid after;
        check(git_index_write_tree_to(&after, index.get(), repo), "writing the tree after patch " + std::to_string(i + 1));
        trees.push_back(after);
    }
    return trees;
}

TreeReader::TreeReader(git_repository* repo, const git_oid& tree) : repo_(repo), tree_(lookup_tree(repo, tree)) {}

std::string TreeReader::read(const std::string& path) const {
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree_.get(), path.c_str()) != 0) return "";
    std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>> entry(raw);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return "";
    git_blob* raw_blob = nullptr;
    check(git_blob_lookup(&raw_blob, repo_, git_tree_entry_id(entry.get())), "reading " + path);
    BlobPtr blob(raw_blob);
    return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                       static_cast<size_t>(git_blob_rawsize(blob.get())));
}

std::vector<std::string> TreeReader::list(const std::string& dir, const std::string& suffix) const {
    std::vector<std::string> paths;
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree_.get(), dir.c_str()) != 0) return paths;
    std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>> entry(raw);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return paths;
    TreePtr subtree = lookup_tree(repo_, *git_tree_entry_id(entry.get()));
    for (size_t i = 0; i < git_tree_entrycount(subtree.get()); ++i) {
        std::string name = git_tree_entry_name(git_tree_entry_byindex(subtree.get(), i));
        if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            paths.push_back(dir + "/" + name);
    }
    return paths;
}

}  // namespace seriesctl::git
