#pragma once

#include <filesystem>
#include <string>

#include "git/handle.h"

namespace seriesctl::build {

/// A kernel source tree for `make O=`, made without a second checkout: its
/// files are hard links to a checked-out work tree (copies where links
/// cannot be made), and moving it to another git tree replaces only the
/// files that differ. A file is always replaced (unlinked, then written),
/// never written through its link, so the work tree is never changed.
/// Its state (the work tree's commit it was linked from, the git tree it
/// holds) is kept beside it in `<dir>.state`; a move that was interrupted,
/// or a work tree that moved to another commit, makes it linked afresh.
class LinkedSourceTree {
public:
    /// `repo` holds (or reaches through its alternates) every tree the
    /// source will be moved to, and the work tree's commit.
    LinkedSourceTree(std::filesystem::path dir, git_repository* repo);

    /// Makes the tree hold `tree`: links it from `work_tree` (checked out
    /// at `work_commit`) when it is missing or was linked from elsewhere,
    /// then writes the files in which `tree` differs from what it holds.
    /// Returns how many files were written or removed.
    size_t hold(const std::filesystem::path& work_tree, const std::string& work_commit, const git_oid& tree);

    const std::filesystem::path& dir() const { return dir_; }
    /// Whether the last hold() linked the tree afresh: its files then carry
    /// the work tree's times, older than objects built from a moved tree,
    /// so a build directory used with it before must not trust its objects.
    bool relinked() const { return relinked_; }

private:
    std::filesystem::path dir_;
    git_repository* repo_;
    bool relinked_ = false;

    void link_from(const std::filesystem::path& work_tree);
    size_t move(const git_oid& from, const git_oid& to);
};

}  // namespace seriesctl::build
