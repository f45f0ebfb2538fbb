#pragma once

#include <filesystem>
#include <string>

#include "mail/recipients.h"

namespace seriesctl::proc {

/// Hands one complete mail file to `git send-email`, with the user's own
/// git config (sendemail.* says which server and how). The file carries
/// the Message-Id and threading; To and Cc come from `recipients` alone
/// (nothing from the user's sendemail.to/cc, no Cc collected from
/// trailers), and send-email writes its own Date. Throws Error with
/// send-email's last lines when the server did not take the mail.
void git_send_email(const std::filesystem::path& mail, const std::string& from, const mail::Recipients& recipients);

}  // namespace seriesctl::proc
