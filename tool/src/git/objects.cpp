#include "git/objects.h"

#include "util/error.h"

namespace seriesctl::git {

namespace {

using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;

SignaturePtr make_signature(const Signature& who) {
    git_signature* raw = nullptr;
    check(git_signature_new(&raw, who.name.c_str(), who.email.c_str(), who.time, who.offset),
          "cannot make a signature for " + who.email);
    return SignaturePtr(raw);
}

}  // namespace

std::optional<std::string> find_blob(git_repository* repo, const std::string& prefix) {
    if (prefix.size() < GIT_OID_MINPREFIXLEN) return std::nullopt;
    git_oid short_id;
    if (git_oid_fromstrn(&short_id, prefix.data(), prefix.size()) != 0) return std::nullopt;
    git_object* raw = nullptr;
    if (git_object_lookup_prefix(&raw, repo, &short_id, prefix.size(), GIT_OBJECT_BLOB) != 0) return std::nullopt;
    ObjectPtr object(raw);
    const auto* blob = reinterpret_cast<const git_blob*>(object.get());
    return std::string(static_cast<const char*>(git_blob_rawcontent(blob)), git_blob_rawsize(blob));
}

std::optional<std::string> merge_file(const std::string& ancestor, const std::string& ours,
                                      const std::string& theirs) {
    auto input = [](const std::string& text) {
        git_merge_file_input side = GIT_MERGE_FILE_INPUT_INIT;
        side.ptr = text.data();
        side.size = text.size();
        return side;
    };
    git_merge_file_input base = input(ancestor), mine = input(ours), other = input(theirs);
    git_merge_file_result result{};
    check(git_merge_file(&result, &base, &mine, &other, nullptr), "3-way merge failed");
    std::optional<std::string> merged;
    if (result.automergeable) merged = std::string(result.ptr, result.len);
    git_merge_file_result_free(&result);
    return merged;
}

git_oid write_commit(git_repository* repo, const git_oid& tree_id, const git_oid& parent_id, const Signature& who,
                     const std::string& message) {
    git_tree* raw_tree = nullptr;
    check(git_tree_lookup(&raw_tree, repo, &tree_id), "cannot read tree " + to_string(tree_id));
    TreePtr tree(raw_tree);
    git_commit* raw_parent = nullptr;
    check(git_commit_lookup(&raw_parent, repo, &parent_id), "cannot read commit " + to_string(parent_id));
    CommitPtr parent(raw_parent);
    SignaturePtr signature = make_signature(who);
    const git_commit* parents[] = {parent.get()};
    git_oid commit;
    check(git_commit_create(&commit, repo, nullptr, signature.get(), signature.get(), nullptr, message.c_str(),
                            tree.get(), 1, parents),
          "cannot write a commit");
    return commit;
}

void write_note(git_repository* repo, const std::string& notes_ref, const git_oid& commit, const Signature& who,
                const std::string& text) {
    SignaturePtr signature = make_signature(who);
    git_oid note;
    check(git_note_create(&note, repo, notes_ref.c_str(), signature.get(), signature.get(), &commit, text.c_str(),
                          /*force=*/1),
          "cannot write a note on " + to_string(commit));
}

}  // namespace seriesctl::git
