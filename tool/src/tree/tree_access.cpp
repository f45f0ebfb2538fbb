#include "tree/tree_access.h"

#include "git/handle.h"
#include "tree/tarball_import.h"
#include "tree/work_tree.h"
#include "util/error.h"

namespace seriesctl::tree {

std::optional<std::string> tree_tip(const config::TreeSpec& tree, const TreeStore& store,
                                    const std::function<void(const std::string&)>& progress) {
    if (tree.kind == config::TreeSpec::Kind::tarball)
        return import_tarball(tree, store, [&](size_t files) {
                   progress("importing " + tree.name + ": " + std::to_string(files) + " files");
               }).commit;
    auto tip = store.resolve(TreeStore::tip_ref(tree.name));
    if (!tip) return std::nullopt;
    return git::to_string(*tip);
}

TreeCheckout checkout_tree(const config::TreeSpec& tree, const TreeStore& store,
                           const std::function<void(const std::string&)>& progress) {
    TreeCheckout checkout;
    checkout.name = tree.name;
    auto tip = tree_tip(tree, store, progress);
    if (!tip)
        throw util::Error("tree " + tree.name + " is not in the cache yet: run `seriesctl tree sync " + tree.name +
                          "`");
    checkout.commit = *tip;
    checkout.dir = ensure_work_tree(store, tree.name, checkout.commit, progress);
    return checkout;
}

}  // namespace seriesctl::tree
