#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "repo/project.h"
#include "send/version_mails.h"

namespace seriesctl::send {

struct SendRequest {
    std::string series;
    std::string version;  ///< empty: the newest
    bool dry_run = false;
    bool force = false;
    std::string reason;           ///< required with force
    std::filesystem::path output;  ///< dry run: where the mbox goes (default: the cache)
};

struct SendOutcome {
    VersionMails prepared;
    std::filesystem::path mbox;  ///< dry run: the mbox written
    std::vector<int> delivered;  ///< numbers handed over in this run
    std::vector<int> skipped;    ///< accepted before (or found on the archive)
    bool refused = false;        ///< blockers and no --force: nothing sent
};

/// Checks out the ids a send of this version already used (a resumed
/// send keeps them), or makes fresh ones dated today.
mail::MessageIdTemplate message_ids_for(const series::Series& series, const series::Version& version);

/// `seriesctl send`: prepares the version's mails; a dry run writes them
/// as one mbox and sends nothing; otherwise, unless blockers stand (or
/// --force with a reason is given, which is recorded), each mail not yet
/// accepted is recorded `attempted`, handed to git send-email, and
/// recorded `accepted` at once. An attempted mail from an interrupted
/// send is looked up on the archive by Message-Id first, and only resent
/// when it is not there. After the last mail the version is `sent`.
SendOutcome send_version(const repo::Project& project, const config::TreeConfig& trees, const config::LoreConfig& lore,
                         const SendRequest& request,
                         const std::function<void(const std::string&)>& progress);

}  // namespace seriesctl::send
