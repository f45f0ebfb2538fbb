#include "tree/tree_store.h"

#include "util/atomic_file.h"
#include "util/error.h"

namespace seriesctl::tree {

TreeStore::TreeStore(std::filesystem::path cache) : cache_(std::move(cache)) {}

git::RepositoryPtr TreeStore::open() const {
    git_repository* raw = nullptr;
    if (git_repository_open_bare(&raw, store_dir().c_str()) == 0) return git::RepositoryPtr(raw);
    std::filesystem::create_directories(store_dir().parent_path());
    git::check(git_repository_init(&raw, store_dir().c_str(), /*is_bare=*/1),
               "cannot create the tree store " + store_dir().string());
    return git::RepositoryPtr(raw);
}

std::optional<git_oid> TreeStore::resolve(const std::string& ref) const {
    if (!std::filesystem::exists(store_dir())) return std::nullopt;  // looking creates nothing
    auto repo = open();
    git_object* raw = nullptr;
    if (git_revparse_single(&raw, repo.get(), (ref + "^{commit}").c_str()) != 0) return std::nullopt;
    git::ObjectPtr object(raw);
    return *git_object_id(object.get());
}

void TreeStore::set_ref(const std::string& ref, const git_oid& commit) const {
    auto repo = open();
    git_reference* raw = nullptr;
    git::check(git_reference_create(&raw, repo.get(), ref.c_str(), &commit, /*force=*/1, "seriesctl"),
               "cannot set " + ref);
    git::ReferencePtr done(raw);
}

namespace {

// Beside the store, not in it: a note of ours, not a git object.
std::filesystem::path sync_note(const std::filesystem::path& cache, const std::string& tree) {
    return cache / "synced" / tree;
}

}  // namespace

void TreeStore::record_sync(const std::string& tree, int64_t seconds) const {
    std::filesystem::create_directories(sync_note(cache_, tree).parent_path());
    util::write_file_atomically(sync_note(cache_, tree), std::to_string(seconds) + "\n");
}

std::optional<int64_t> TreeStore::synced_at(const std::string& tree) const {
    std::error_code missing;
    if (!std::filesystem::exists(sync_note(cache_, tree), missing)) return std::nullopt;
    try {
        return std::stoll(util::read_file(sync_note(cache_, tree)));
    } catch (const std::exception&) {
        return std::nullopt;  // a torn or foreign note costs one sync
    }
}

}  // namespace seriesctl::tree
