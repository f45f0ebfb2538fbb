#include "tree/work_tree.h"

#include <fstream>

#include "core/error.h"
#include "git/handle.h"
#include "util/atomic_file.h"

namespace fs = std::filesystem;

namespace seriesctl {

namespace {

// Written after a checkout completes; its absence means "not finished".
const char* marker_name = "seriesctl-checkout";

git::RepositoryPtr open_or_create(const fs::path& dir, const fs::path& store_objects) {
    git_repository* raw = nullptr;
    if (git_repository_open(&raw, dir.c_str()) != 0) {
        fs::create_directories(dir);
        git::check(git_repository_init(&raw, dir.c_str(), /*is_bare=*/0), "cannot create a work tree at " + dir.string());
        git_repository_free(raw);
        raw = nullptr;
    }
    fs::path alternates = dir / ".git" / "objects" / "info" / "alternates";
    fs::create_directories(alternates.parent_path());
    write_file_atomically(alternates, store_objects.string() + "\n");
    if (raw) git_repository_free(raw);
    // Reopen so libgit2 reads the alternates.
    git::check(git_repository_open(&raw, dir.c_str()), "cannot open the work tree " + dir.string());
    return git::RepositoryPtr(raw);
}

}  // namespace

fs::path ensure_work_tree(const TreeStore& store, const std::string& tree, const std::string& commit,
                          const std::function<void(const std::string&)>& progress) {
    fs::path dir = store.work_tree_dir(tree);
    fs::path marker = dir / ".git" / marker_name;
    std::error_code ec;
    if (fs::exists(marker, ec) && read_file(marker) == commit + "\n") return dir;

    auto repo = open_or_create(dir, store.store_dir() / "objects");
    fs::remove(marker, ec);
    git_oid oid = git::parse_oid(commit, "tree " + tree);
    git::check(git_repository_set_head_detached(repo.get(), &oid), "cannot check out " + commit + " in " + dir.string());
    progress("checking out " + tree + " at " + commit.substr(0, 12));
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_FORCE;
    git::check(git_checkout_head(repo.get(), &options), "cannot check out " + commit + " in " + dir.string());
    write_file_atomically(marker, commit + "\n");
    return dir;
}

}  // namespace seriesctl
