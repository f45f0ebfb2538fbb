#pragma once

#include <map>
#include <string>
#include <vector>

#include "lore/watch_state.h"
#include "mail/mail.h"
#include "patch/patch.h"

namespace seriesctl::lore {

/// A subject with its "Re:"/"Aw:"/"Fwd:" taken off, then taken apart like a
/// patch subject: "Re: [PATCH RFC 2/3] media: x" has number 2, summary "media: x".
patch::PatchSubject reply_subject(const std::string& subject);

/// The version a subject names: "vN" from its [PATCH …] prefix, "v1" for a
/// patch prefix with no version (git format-patch leaves v1 unnamed), "" when
/// it has no prefix at all.
std::string subject_version(const patch::PatchSubject& subject);

/// Places mails in the watched threads. `known` holds the places of mails met
/// before (covers and patches seed it). A mail takes the place of its nearest
/// placed ancestor (In-Reply-To, then References back to the root), so a mail
/// whose parent never reached the archive is still placed by the mails above
/// it; mails may come in any order. When that ancestor is the cover, the
/// patch number comes from the mail's own subject ("[PATCH RFC 2/3]", or a
/// "Re:" of it). A mail whose subject names another version than its thread's
/// (a v2 posted in reply to v1 but not watched) is left out. Returns the
/// places of the mails not in `known`.
std::map<std::string, ThreadPlace> place_in_threads(const std::map<std::string, ThreadPlace>& known,
                                                    const std::vector<mail::Mail>& mails);

}  // namespace seriesctl::lore
