#pragma once

#include <functional>
#include <string>

#include "config/lore_config.h"
#include "repo/project.h"
#include "watch/watch_report.h"

namespace seriesctl::watch {

struct PollOptions {
    bool whole_threads = false;  ///< refetch every thread whole (t.mbox.gz) instead of searching
    std::function<void(const std::string&)> progress;  ///< what is being fetched, for a progress line
    std::function<void(const std::string&)> log;       ///< retries and other passing trouble
};

/// One poll of every sent version of every series in the project: fetch
/// what is new on the archive, store new replies as reviews of their
/// version (unaddressed) and remember what was seen in the cache
/// (~/.cache/seriesctl/watch/). Everything is fetched and parsed before
/// anything is written: a server error or a broken answer throws and leaves
/// the series files and the cache as they were.
WatchReport poll_once(const repo::Project& project, const config::LoreConfig& config, const PollOptions& options);

}  // namespace seriesctl::watch
