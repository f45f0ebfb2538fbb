#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mail/message_id.h"
#include "config/lore_config.h"
#include "config/tree_config.h"
#include "mail/outgoing_mail.h"
#include "repo/project.h"
#include "repo/series_content.h"
#include "series/cover_letter.h"

namespace seriesctl::send {

/// The facts a version's cover states, read from the records: gate states
/// now, what the base is (b4's footer), the previous version's link.
series::CoverFacts cover_facts(const repo::Project& project, const config::TreeConfig& trees,
                               const config::LoreConfig& lore, const repo::VersionAtHand& at_hand);

/// "[PATCH RFC v2 0/3] <cover.subject>" (the series' title when the
/// version has no cover subject).
std::string cover_subject(const repo::VersionAtHand& at_hand);

/// The cover letter's body, rendered from templates/cover.mustache.
std::string cover_text(const repo::Project& project, const repo::VersionAtHand& at_hand,
                       const series::CoverFacts& facts);

/// The archive URL of a sent version's cover: its sent.link, else built
/// from config/lore.yaml and the message-id; empty when it was not sent.
std::string version_link(const config::LoreConfig& lore, const series::Version& version);

/// A version's mails, ready for git send-email: cover then patches,
/// numbered, threaded and addressed.
struct VersionMails {
    repo::VersionAtHand at_hand;
    std::vector<std::string> blockers;  ///< send_blockers(); empty when it may go
    std::vector<std::string> corrections;  ///< extra Cc replaced by the tree's newer address
    mail::MessageIdTemplate ids;
    std::vector<mail::OutgoingMail> mails;
};

/// Builds them: recipients from the base tree's get_maintainer.pl on each
/// patch, the series' and version's Cc (checked against the tree's
/// .mailmap and MAINTAINERS), and the authors of earlier versions' reviews.
/// `ids` numbers the mails; `date` is the cover's Date, each patch one
/// second later than the one before.
VersionMails prepare_version_mails(const repo::Project& project, const config::TreeConfig& trees,
                                   const config::LoreConfig& lore, repo::VersionAtHand at_hand,
                                   const mail::MessageIdTemplate& ids, int64_t date,
                                   const std::function<void(const std::string&)>& progress);

}  // namespace seriesctl::send
