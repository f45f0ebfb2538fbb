#pragma once

#include <map>
#include <optional>
#include <string>

#include "git/handle.h"

namespace seriesctl::git {

/// A commit's tree plus changes held in memory: patches are tried on it
/// without writing anything to the store until write_tree() is asked for.
class TreeOverlay {
public:
    struct File {
        std::string content;
        unsigned mode = GIT_FILEMODE_BLOB;
    };

    TreeOverlay(git_repository* repo, const git_oid& commit);

    /// The file as it is now; nullopt when it does not exist (or is a directory).
    std::optional<File> read(const std::string& path) const;
    void write(const std::string& path, File file);
    void remove(const std::string& path);

    /// Writes the changed blobs and the resulting tree into the store.
    git_oid write_tree() const;

private:
    git_repository* repo_;
    TreePtr base_;
    std::map<std::string, std::optional<File>> changes_;  ///< nullopt: removed
};

}  // namespace seriesctl::git
