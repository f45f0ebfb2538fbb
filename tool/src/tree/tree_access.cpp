#include "tree/tree_access.h"

#include "core/error.h"
#include "git/handle.h"
#include "tree/tarball_import.h"
#include "tree/work_tree.h"

namespace seriesctl {

std::optional<std::string> tree_tip(const TreeSpec& tree, const TreeStore& store,
                                    const std::function<void(const std::string&)>& progress) {
    if (tree.kind == TreeSpec::Kind::tarball)
        return import_tarball(tree, store, [&](size_t files) {
                   progress("importing " + tree.name + ": " + std::to_string(files) + " files");
               }).commit;
    auto tip = store.resolve(TreeStore::tip_ref(tree.name));
    if (!tip) return std::nullopt;
    return git::to_string(*tip);
}

TreeCheckout checkout_tree(const TreeSpec& tree, const TreeStore& store,
                           const std::function<void(const std::string&)>& progress) {
    TreeCheckout checkout;
    checkout.name = tree.name;
    auto tip = tree_tip(tree, store, progress);
    if (!tip) throw Error("tree " + tree.name + " is not in the cache yet: run `seriesctl tree sync " + tree.name + "`");
    checkout.commit = *tip;
    checkout.dir = ensure_work_tree(store, tree.name, checkout.commit, progress);
    return checkout;
}

std::string base_problem(const TreeStore& store, const std::string& tree, const std::string& commit) {
    if (commit.empty()) return "the version names no base commit";
    auto base = store.resolve(commit);
    if (!base) return "base commit " + commit.substr(0, 12) + " is not in the tree store (not part of " + tree + ")";
    auto tip = store.resolve(TreeStore::tip_ref(tree));
    if (!tip) return "tree " + tree + " is not in the cache";
    if (git_oid_equal(&*base, &*tip)) return "";
    auto repo = store.open();
    if (git_graph_descendant_of(repo.get(), &*tip, &*base) == 1) return "";
    return "base commit " + commit.substr(0, 12) + " is not in the history of " + tree;
}

}  // namespace seriesctl
