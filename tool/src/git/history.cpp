#include "git/history.h"

namespace seriesctl::git {

namespace {

CommitPtr lookup(git_repository* repo, const git_oid& id) {
    git_commit* commit = nullptr;
    check(git_commit_lookup(&commit, repo, &id), "commit " + to_string(id));
    return CommitPtr(commit);
}

TreePtr tree_of(const git_commit* commit) {
    git_tree* tree = nullptr;
    check(git_commit_tree(&tree, commit), "tree of commit " + to_string(*git_commit_id(commit)));
    return TreePtr(tree);
}

// Whether the commit changes any of the paths against its first parent (a
// root commit: against nothing).
bool touches(git_repository* repo, const git_commit* commit, std::vector<char*>& pathspec) {
    TreePtr after = tree_of(commit);
    TreePtr before;
    if (git_commit_parentcount(commit) > 0) {
        git_commit* parent = nullptr;
        check(git_commit_parent(&parent, commit, 0), "first parent of " + to_string(*git_commit_id(commit)));
        CommitPtr owned(parent);
        before = tree_of(parent);
    }
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.pathspec = {pathspec.data(), pathspec.size()};
    options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;  // exact paths, as the patches name them
    git_diff* diff = nullptr;
    check(git_diff_tree_to_tree(&diff, repo, before.get(), after.get(), &options),
          "diff of " + to_string(*git_commit_id(commit)));
    DiffPtr owned(diff);
    return git_diff_num_deltas(diff) > 0;
}

}  // namespace

CommitSummary summarise_commit(git_repository* repo, const git_oid& id) {
    CommitPtr commit = lookup(repo, id);
    CommitSummary summary;
    summary.id = to_string(id);
    const char* line = git_commit_summary(commit.get());
    summary.subject = line ? line : "";
    const git_signature* author = git_commit_author(commit.get());
    summary.author = std::string(author->name) + " <" + author->email + ">";
    summary.time = author->when.time;
    return summary;
}

std::optional<git_oid> find_commit(git_repository* repo, const std::string& hex) {
    git_oid id;
    if (hex.size() != GIT_OID_HEXSZ || git_oid_fromstrn(&id, hex.data(), hex.size()) != 0) return std::nullopt;
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, &id) != 0) return std::nullopt;
    CommitPtr owned(raw);
    return id;
}

bool is_ancestor(git_repository* repo, const git_oid& ancestor, const git_oid& commit) {
    if (git_oid_equal(&ancestor, &commit)) return true;
    int rc = git_graph_descendant_of(repo, &commit, &ancestor);
    check(rc, "history of " + to_string(commit));
    return rc == 1;
}

std::vector<git_oid> commits_touching(git_repository* repo, const git_oid& from, const git_oid& to,
                                      const std::vector<std::string>& paths) {
    git_revwalk* raw = nullptr;
    check(git_revwalk_new(&raw, repo), "history walk");
    RevwalkPtr walk(raw);
    check(git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE), "history walk order");
    check(git_revwalk_push(walk.get(), &to), "history walk from " + to_string(to));
    check(git_revwalk_hide(walk.get(), &from), "history walk to " + to_string(from));
    // The line the tree's tip moved along: a side branch's commits are
    // judged by the merge that brought them, each against its first parent.
    check(git_revwalk_simplify_first_parent(walk.get()), "history walk along first parents");

    std::vector<std::string> owned(paths);
    std::vector<char*> pathspec;
    for (auto& path : owned) pathspec.push_back(path.data());
    std::vector<git_oid> found;
    git_oid id;
    for (int rc; (rc = git_revwalk_next(&id, walk.get())) != GIT_ITEROVER;) {
        check(rc, "history walk");
        CommitPtr commit = lookup(repo, id);
        if (touches(repo, commit.get(), pathspec)) found.push_back(id);
    }
    return found;
}

}  // namespace seriesctl::git
