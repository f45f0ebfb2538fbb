#include "tree/base_standing.h"

#include "git/handle.h"
#include "git/tree_reader.h"
#include "series/kernel_release.h"
#include "util/error.h"

namespace seriesctl::tree {

namespace {

std::string short_id(const std::string& commit) { return commit.substr(0, 12); }

std::string fetch_command(const config::TreeConfig& trees, const std::string& tree) {
    auto spec = trees.find(tree);
    bool tarball = spec != trees.end() && spec->second.kind == config::TreeSpec::Kind::tarball;
    return std::string("`seriesctl tree ") + (tarball ? "import " : "sync ") + tree + "`";
}

void place_commit(BaseStanding& standing, const config::TreeConfig& trees, const TreeStore& store,
                  const std::string& commit) {
    standing.base = short_id(commit);
    auto base = store.resolve(commit);
    if (!base) {
        auto spec = trees.find(standing.tree);
        bool tarball = spec != trees.end() && spec->second.kind == config::TreeSpec::Kind::tarball;
        standing.state = BaseStanding::State::lost;
        standing.problem = "base commit " + short_id(commit) + " is not in the tree store" +
                           (tarball ? " (a tarball import is local to the machine that made it: record the base "
                                      "by its release with `seriesctl rebase --onto " + standing.tree + "`)"
                                    : " (not part of " + standing.tree + ")");
        return;
    }
    git_oid tip = git::parse_oid(standing.tip, "tree tip");
    if (git_oid_equal(&*base, &tip)) {
        standing.state = BaseStanding::State::tip;
        return;
    }
    auto repo = store.open();
    if (git_graph_descendant_of(repo.get(), &tip, &*base) == 1) {
        standing.state = BaseStanding::State::moved;
        return;
    }
    standing.state = BaseStanding::State::lost;
    standing.problem = "base commit " + short_id(commit) + " is not in the history of " + standing.tree;
}

void place_release(BaseStanding& standing, const TreeStore& store, const std::string& upstream) {
    standing.base = upstream;
    auto wanted = series::parse_release_tag(upstream);
    auto at_tip = series::parse_release_tag(release_of_commit(store, standing.tip));
    if (wanted && at_tip && *wanted == *at_tip) {
        standing.state = BaseStanding::State::tip;
    } else if (wanted && at_tip && *wanted < *at_tip) {
        standing.state = BaseStanding::State::moved;
    } else {
        standing.state = BaseStanding::State::lost;
        standing.problem = at_tip ? "base " + upstream + " is newer than " + standing.tree + " (" + at_tip->tag() + ")"
                                  : "base " + upstream + " cannot be placed on " + standing.tree +
                                        ": its tip names no release in its Makefile";
    }
}

}  // namespace

std::string BaseStanding::note() const {
    switch (state) {
    case State::tip: return "";
    case State::moved:
        return tree + " moved from " + base + " to " + tip_name + "; the " + version +
               " base is no longer the tip (checked on the tip; `seriesctl rebase --onto " + tree + "` moves it)";
    case State::tree_missing:
    case State::lost: return problem;
    }
    return "";
}

std::string release_of_commit(const TreeStore& store, const std::string& commit) {
    auto repo = store.open();
    git_oid oid = git::parse_oid(commit, "commit");
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo.get(), &oid) != 0) return "";
    git::CommitPtr found(raw);
    auto release =
        series::release_of_makefile(git::TreeReader(repo.get(), *git_commit_tree_id(found.get())).read("Makefile"));
    return release ? release->tag() : "";
}

BaseStanding base_standing(const config::TreeConfig& trees, const TreeStore& store, const std::string& tree_name,
                           const series::Version& version, std::optional<std::string> tip) {
    BaseStanding standing;
    standing.tree = tree_name;
    standing.version = version.name();
    standing.base = !version.base.upstream.empty() ? version.base.upstream : short_id(version.base.commit);
    if (!tip)
        if (auto ref = store.resolve(TreeStore::tip_ref(tree_name))) tip = git::to_string(*ref);
    if (!tip) {
        standing.state = BaseStanding::State::tree_missing;
        standing.problem = tree_name + " is not in the cache: run " + fetch_command(trees, tree_name);
        return standing;
    }
    standing.tip = *tip;
    std::string release = release_of_commit(store, *tip);
    standing.tip_name = !version.base.upstream.empty() && !release.empty() ? release : short_id(*tip);
    if (!version.base.upstream.empty()) {
        place_release(standing, store, version.base.upstream);
    } else if (!version.base.commit.empty()) {
        place_commit(standing, trees, store, version.base.commit);
    } else {
        standing.state = BaseStanding::State::lost;
        standing.problem = "the version names no base: `seriesctl rebase --onto " + tree_name + "` records one";
    }
    return standing;
}

series::Base base_at_tip(const config::TreeSpec& tree, const TreeStore& store, const std::string& tip) {
    series::Base base;
    base.tree = tree.name;
    std::string release = tree.kind == config::TreeSpec::Kind::tarball ? release_of_commit(store, tip) : "";
    if (!release.empty())
        base.upstream = release;
    else
        base.commit = tip;
    return base;
}

}  // namespace seriesctl::tree
