#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mail/address.h"
#include "mail/mail_header.h"
#include "mail/recipients.h"

namespace seriesctl::mail {

/// One mail of a version as seriesctl hands it to git send-email: complete
/// with its Message-Id and threading, so the file is the mail.
struct OutgoingMail {
    int number = 0;  ///< 0 = cover
    std::string message_id;  ///< without <>
    std::string in_reply_to;  ///< without <>; empty for a thread's root
    std::vector<std::string> references;  ///< oldest first, without <>
    std::string from;     ///< the From header as it stands (may be RFC 2047 encoded)
    std::string subject;  ///< "[PATCH RFC v2 1/3] media: …", decoded
    int64_t date = 0;     ///< seconds since the epoch
    Recipients recipients;
    std::vector<MailHeader> content_headers;  ///< MIME-Version, Content-Type, Content-Transfer-Encoding
    std::string body;
};

/// "[PATCH RFC v2 1/3]": the series prefix, "vN" from v2 on, and "n/total".
std::string subject_prefix(const std::string& prefix, int revision, int number, int total);

/// Threads a version's mails (cover first): the cover answers `parent`
/// (the previous cover, or v1's; none when empty), each patch answers the
/// cover, and References run from the thread's root down.
void thread_mails(std::vector<OutgoingMail>& mails, const std::string& parent);

/// A header value with every non-ASCII word RFC 2047 Q-encoded.
std::string encode_header_text(const std::string& text);
/// An address for a header: the display name encoded when it needs it.
std::string encode_address(const Address& address);

/// The mail's text (LF line ends). Without recipients it is what git
/// send-email reads, To and Cc being given on its command line.
enum class WithRecipients { no, yes };
std::string render_mail(const OutgoingMail& mail, WithRecipients recipients);

/// The mails as one mboxrd file, as `git format-patch --stdout` would write it.
std::string render_mbox(const std::vector<OutgoingMail>& mails);

/// RFC 2822 date in UTC: "Tue, 01 Dec 2026 21:10:33 +0000".
std::string rfc2822_date(int64_t seconds);

}  // namespace seriesctl::mail
