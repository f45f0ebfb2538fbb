#include "git/fetch.h"

#include "util/error.h"

namespace seriesctl::git {

namespace {

using RemotePtr = std::unique_ptr<git_remote, Deleter<git_remote, git_remote_free>>;

int on_transfer(const git_indexer_progress* stats, void* payload) {
    const auto& progress = *static_cast<const std::function<void(const FetchProgress&)>*>(payload);
    progress({stats->received_objects, stats->total_objects, stats->received_bytes});
    return 0;
}

}  // namespace

git_oid fetch_ref(git_repository* repo, const std::string& url, const std::string& source_ref,
                  const std::string& target_ref, const std::function<void(const FetchProgress&)>& progress) {
    std::string what = "cannot fetch " + source_ref + " from " + url;
    git_remote* raw = nullptr;
    check(git_remote_create_anonymous(&raw, repo, url.c_str()), what);
    RemotePtr remote(raw);

    // A ref the remote does not have fetches nothing and still succeeds:
    // ask first, so an old tip is never passed off as the new one.
    git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
    check(git_remote_connect(remote.get(), GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr), what);
    const git_remote_head** heads = nullptr;
    size_t count = 0;
    check(git_remote_ls(&heads, &count, remote.get()), what);
    bool advertised = false;
    for (size_t i = 0; i < count; ++i) advertised = advertised || source_ref == heads[i]->name;
    if (!advertised) throw util::Error(url + " has no " + source_ref);

    std::string refspec = "+" + source_ref + ":" + target_ref;
    char* specs[] = {refspec.data()};
    git_strarray refspecs = {specs, 1};
    git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
    options.callbacks.transfer_progress = on_transfer;
    options.callbacks.payload = const_cast<std::function<void(const FetchProgress&)>*>(&progress);
    check(git_remote_fetch(remote.get(), &refspecs, &options, "seriesctl tree sync"), what);

    git_object* fetched = nullptr;
    check(git_revparse_single(&fetched, repo, (target_ref + "^{commit}").c_str()),
          url + " has no commit at " + source_ref);
    ObjectPtr commit(fetched);
    return *git_object_id(commit.get());
}

}  // namespace seriesctl::git
