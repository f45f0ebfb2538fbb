#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "git/handle.h"

namespace seriesctl::git {

struct FetchProgress {
    unsigned received = 0;  ///< objects received
    unsigned total = 0;     ///< objects in the pack (0 until known)
    size_t bytes = 0;
};

/// Fetches `source_ref` ("refs/heads/next", "refs/tags/v6.12") of `url` into
/// `target_ref` of the repository, with no remote configured and no tags
/// taken along: objects the store has already are not fetched again. The
/// ref moves only when the fetch succeeds. Returns the fetched commit.
git_oid fetch_ref(git_repository* repo, const std::string& url, const std::string& source_ref,
                  const std::string& target_ref, const std::function<void(const FetchProgress&)>& progress);

}  // namespace seriesctl::git
