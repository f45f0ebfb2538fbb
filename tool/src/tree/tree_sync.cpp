#include "tree/tree_sync.h"

#include <chrono>
#include <ctime>

#include "git/fetch.h"
#include "tree/series_tree.h"
#include "tree/tarball_import.h"

namespace seriesctl::tree {

SyncResult sync_tree(const config::TreeSpec& tree, const TreeStore& store, const config::LoreConfig& lore,
                     const std::function<void(const std::string&)>& progress) {
    SyncResult result;
    result.tree = tree.name;
    if (auto before = store.resolve(TreeStore::tip_ref(tree.name))) result.previous = git::to_string(*before);
    switch (tree.kind) {
    case config::TreeSpec::Kind::remote: {
        auto repo = store.open();
        // libgit2 calls back per object: say where we are twice a second.
        auto shown = std::chrono::steady_clock::now() - std::chrono::seconds(1);
        result.commit = git::to_string(git::fetch_ref(
            repo.get(), tree.url, tree.source_ref(), TreeStore::tip_ref(tree.name), [&](const git::FetchProgress& at) {
                auto now = std::chrono::steady_clock::now();
                if (now - shown < std::chrono::milliseconds(500) && at.received != at.total) return;
                shown = now;
                progress(tree.name + ": fetching " + std::to_string(at.received) + "/" + std::to_string(at.total) +
                         " objects, " + std::to_string(at.bytes / (1024 * 1024)) + " MiB");
            }));
        break;
    }
    case config::TreeSpec::Kind::series:
        result.commit = sync_series_tree(tree, store, lore, progress);
        break;
    case config::TreeSpec::Kind::tarball:
        result.commit = import_tarball(tree, store, [&](size_t files) {
                            progress(tree.name + ": imported " + std::to_string(files) + " files");
                        }).commit;
        break;
    }
    store.record_sync(tree.name, std::time(nullptr));
    return result;
}

}  // namespace seriesctl::tree
