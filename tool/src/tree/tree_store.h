#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "git/handle.h"

namespace seriesctl::tree {

/// Where kernel trees live under the cache: one bare object store shared by
/// every tree (kernel trees share history, so nothing is stored twice) and a
/// work tree per tree only where a checkout is unavoidable (checkpatch,
/// get_maintainer and make read the tree's files).
class TreeStore {
public:
    explicit TreeStore(std::filesystem::path cache);

    std::filesystem::path store_dir() const { return cache_ / "store.git"; }
    std::filesystem::path work_tree_dir(const std::string& tree) const { return cache_ / "trees" / tree; }
    /// Where tools write files that are read back and dropped (format-patch output).
    std::filesystem::path scratch_dir() const { return cache_ / "tmp"; }
    /// The ref holding a tree's current tip.
    static std::string tip_ref(const std::string& tree) { return "refs/trees/" + tree; }

    /// Opens the store, creating it on first use.
    git::RepositoryPtr open() const;
    /// The commit a ref points at, if the ref exists.
    std::optional<git_oid> resolve(const std::string& ref) const;
    /// Creates or moves a ref.
    void set_ref(const std::string& ref, const git_oid& commit) const;

    /// Notes that a tree was synced at `seconds` (since the epoch): `watch`
    /// syncs again once that is older than the tree's sync-age.
    void record_sync(const std::string& tree, int64_t seconds) const;
    /// When the tree was last synced; nullopt when never (or the note is unreadable).
    std::optional<int64_t> synced_at(const std::string& tree) const;

private:
    std::filesystem::path cache_;
};

}  // namespace seriesctl::tree
