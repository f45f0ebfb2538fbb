#include "tree/work_tree.h"

#include <fstream>

#include "git/handle.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace fs = std::filesystem;

namespace seriesctl::tree {

namespace {

// Written after a checkout completes; its absence means "not finished".
const char* marker_name = "seriesctl-checkout";

}  // namespace

git::RepositoryPtr open_linked_repository(const fs::path& dir, const TreeStore& store) {
    git_repository* raw = nullptr;
    if (!fs::exists(dir / ".git")) {
        fs::create_directories(dir);
        git::check(git_repository_init(&raw, dir.c_str(), /*is_bare=*/0), "cannot create a work tree at " + dir.string());
        git::RepositoryPtr created(raw);
    }
    fs::path alternates = dir / ".git" / "objects" / "info" / "alternates";
    fs::create_directories(alternates.parent_path());
    util::write_file_atomically(alternates, (store.store_dir() / "objects").string() + "\n");
    // Opened after the alternates are in place, so libgit2 reads them.
    git::check(git_repository_open(&raw, dir.c_str()), "cannot open the work tree " + dir.string());
    return git::RepositoryPtr(raw);
}

void checkout_tree_id(git_repository* repo, const git_oid& tree, const std::string& what) {
    git_object* raw = nullptr;
    git::check(git_object_lookup(&raw, repo, &tree, GIT_OBJECT_TREE), "reading tree for " + what);
    git::ObjectPtr object(raw);
    git_index* raw_index = nullptr;
    git::check(git_repository_index(&raw_index, repo), "reading the index for " + what);
    git::IndexPtr index(raw_index);
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_FORCE;
    // Compared with what the last checkout wrote (HEAD is never set here),
    // so moving between patch steps rewrites only the files they change.
    options.baseline_index = index.get();
    git::check(git_checkout_tree(repo, object.get(), &options), "checking out " + what);
}

fs::path ensure_work_tree(const TreeStore& store, const std::string& tree, const std::string& commit,
                          const std::function<void(const std::string&)>& progress) {
    fs::path dir = store.work_tree_dir(tree);
    fs::path marker = dir / ".git" / marker_name;
    std::error_code ec;
    if (fs::exists(marker, ec) && util::read_file(marker) == commit + "\n") return dir;

    auto repo = open_linked_repository(dir, store);
    fs::remove(marker, ec);
    git_oid oid = git::parse_oid(commit, "tree " + tree);
    git::check(git_repository_set_head_detached(repo.get(), &oid), "cannot check out " + commit + " in " + dir.string());
    progress("checking out " + tree + " at " + commit.substr(0, 12));
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_FORCE;
    git::check(git_checkout_head(repo.get(), &options), "cannot check out " + commit + " in " + dir.string());
    util::write_file_atomically(marker, commit + "\n");
    return dir;
}

}  // namespace seriesctl::tree
