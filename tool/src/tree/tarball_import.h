#pragma once

#include <functional>
#include <string>

#include "config/tree_config.h"
#include "tree/tree_store.h"

namespace seriesctl::tree {

struct ImportResult {
    std::string commit;
    std::string tag;      ///< "refs/tags/<tree>/<version>"
    size_t files = 0;     ///< 0 when it was imported already
    bool already = false;
};

/// The ref-safe version tag of a tarball tree: the Debian package's version
/// (dpkg-query) or the configured one, '~' and ':' made '_'.
std::string tarball_version(const config::TreeSpec& tree);

/// For a tarball tree whose installed tarball is not what the store's tip
/// is (Debian's package moved with a security update, or was never
/// imported): one line saying so and what to run; "" when they agree.
std::string pending_import(const config::TreeSpec& tree, const TreeStore& store);

/// Imports a source tarball as one root commit into the shared store,
/// deterministically: the same tarball gives the same commit id on every
/// machine (fixed identity, time = newest member's mtime, the top directory
/// stripped). Idempotent: a tag that exists already is the answer. An
/// interrupted import changes no ref, so running it again finishes the job.
/// `progress` is called every few thousand files.
ImportResult import_tarball(const config::TreeSpec& tree, const TreeStore& store,
                            const std::function<void(size_t files)>& progress);

}  // namespace seriesctl::tree
