#include "build/source_tree.h"

#include <fstream>
#include <sstream>

#include "util/atomic_file.h"
#include "util/error.h"

namespace fs = std::filesystem;

namespace seriesctl::build {

namespace {

struct State {
    std::string linked_from;  ///< the work tree's commit
    std::string holds;        ///< the git tree in place; empty while a move is under way
};

State read_state(const fs::path& file) {
    State state;
    std::error_code ec;
    if (!fs::exists(file, ec)) return state;
    std::istringstream in(util::read_file(file));
    for (std::string key, value; in >> key >> value;) {
        if (key == "linked-from") state.linked_from = value;
        if (key == "holds") state.holds = value;
    }
    return state;
}

void write_state(const fs::path& file, const State& state) {
    util::write_file_atomically(file, "linked-from " + state.linked_from + "\n" +
                                    (state.holds.empty() ? "" : "holds " + state.holds + "\n"));
}

git_oid tree_of_commit(git_repository* repo, const std::string& commit) {
    git_oid id = git::parse_oid(commit, "work tree commit");
    git_commit* raw = nullptr;
    git::check(git_commit_lookup(&raw, repo, &id), "reading commit " + commit);
    git::CommitPtr found(raw);
    return *git_commit_tree_id(found.get());
}

git::TreePtr lookup_tree(git_repository* repo, const git_oid& id) {
    git_tree* raw = nullptr;
    git::check(git_tree_lookup(&raw, repo, &id), "reading tree " + git::to_string(id));
    return git::TreePtr(raw);
}

// Replaces the file at `path` by the blob: a new directory entry, so a
// hard link it replaces keeps its old content.
void place_blob(git_repository* repo, const fs::path& path, const git_diff_file& file) {
    git_blob* raw = nullptr;
    git::check(git_blob_lookup(&raw, repo, &file.id), "reading " + std::string(file.path));
    git::BlobPtr blob(raw);
    std::string content(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                        static_cast<size_t>(git_blob_rawsize(blob.get())));
    fs::create_directories(path.parent_path());
    if (file.mode == GIT_FILEMODE_LINK) {
        fs::remove(path);
        fs::create_symlink(content, path);
        return;
    }
    fs::path temp = path;
    temp += ".seriesctl-new";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        if (!out) throw util::Error("cannot write " + temp.string());
    }
    if (file.mode == GIT_FILEMODE_BLOB_EXECUTABLE)
        fs::permissions(temp, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                        fs::perm_options::add);
    fs::rename(temp, path);
}

}  // namespace

LinkedSourceTree::LinkedSourceTree(fs::path dir, git_repository* repo) : dir_(std::move(dir)), repo_(repo) {}

void LinkedSourceTree::link_from(const fs::path& work_tree) {
    fs::path partial = dir_;
    partial += ".partial";
    fs::remove_all(partial);
    fs::create_directories(partial);
    for (auto it = fs::recursive_directory_iterator(work_tree); it != fs::recursive_directory_iterator(); ++it) {
        if (it.depth() == 0 && it->path().filename() == ".git") {
            it.disable_recursion_pending();
            continue;
        }
        fs::path target = partial / it->path().lexically_relative(work_tree);
        if (it->is_symlink()) {
            fs::copy_symlink(it->path(), target);
        } else if (it->is_directory()) {
            fs::create_directory(target);
        } else {
            std::error_code ec;
            fs::create_hard_link(it->path(), target, ec);
            if (ec) fs::copy_file(it->path(), target);  // another file system
        }
    }
    fs::path old = dir_;
    old += ".old";
    fs::remove_all(old);
    if (fs::exists(dir_)) fs::rename(dir_, old);
    fs::rename(partial, dir_);
    fs::remove_all(old);
}

size_t LinkedSourceTree::move(const git_oid& from, const git_oid& to) {
    if (git_oid_equal(&from, &to)) return 0;
    auto old_tree = lookup_tree(repo_, from);
    auto new_tree = lookup_tree(repo_, to);
    git_diff* raw = nullptr;
    git::check(git_diff_tree_to_tree(&raw, repo_, old_tree.get(), new_tree.get(), nullptr),
               "comparing the trees of " + dir_.string());
    git::DiffPtr diff(raw);
    size_t count = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
        if (delta->status == GIT_DELTA_DELETED)
            fs::remove(dir_ / delta->old_file.path);
        else
            place_blob(repo_, dir_ / delta->new_file.path, delta->new_file);
    }
    return count;
}

size_t LinkedSourceTree::hold(const fs::path& work_tree, const std::string& work_commit, const git_oid& tree) {
    fs::path state_file = dir_;
    state_file += ".state";
    State state = read_state(state_file);
    git_oid from{};
    relinked_ = false;
    if (state.linked_from != work_commit || state.holds.empty() || !fs::exists(dir_)) {
        link_from(work_tree);
        relinked_ = true;
        from = tree_of_commit(repo_, work_commit);
        state = {work_commit, git::to_string(from)};
        write_state(state_file, state);
    } else {
        from = git::parse_oid(state.holds, state_file.string());
    }
    if (git_oid_equal(&from, &tree)) return 0;
    write_state(state_file, {work_commit, ""});  // a move under way
    size_t changed = move(from, tree);
    write_state(state_file, {work_commit, git::to_string(tree)});
    return changed;
}

}  // namespace seriesctl::build
