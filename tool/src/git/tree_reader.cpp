#include "git/tree_reader.h"

#include "util/error.h"

namespace seriesctl::git {

namespace {

TreePtr lookup_tree(git_repository* repo, const git_oid& id) {
    git_tree* raw = nullptr;
    check(git_tree_lookup(&raw, repo, &id), "reading tree " + to_string(id));
    return TreePtr(raw);
}

}  // namespace

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
