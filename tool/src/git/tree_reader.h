#pragma once

#include <string>
#include <vector>

#include "git/handle.h"

namespace seriesctl::git {

/// Reads files of one tree in the object store.
class TreeReader {
public:
    TreeReader(git_repository* repo, const git_oid& tree);
    /// A file's content; empty when there is no such file.
    std::string read(const std::string& path) const;
    /// Paths of the files in a directory whose name ends with `suffix`.
    std::vector<std::string> list(const std::string& dir, const std::string& suffix) const;

private:
    git_repository* repo_;
    TreePtr tree_;
};

}  // namespace seriesctl::git
