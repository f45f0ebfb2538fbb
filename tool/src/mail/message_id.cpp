#include "mail/message_id.h"

#include <regex>

#include "util/error.h"

namespace seriesctl::mail {

std::string MessageIdTemplate::id(int number) const {
    return date + "-" + slug + "-v" + std::to_string(revision) + "-" + std::to_string(number) + "-" + hash + "@" +
           domain;
}

MessageIdTemplate make_message_id_template(const std::string& change_id, int revision, const std::string& date,
                                           const std::string& hash, const std::string& sender_email) {
    static const std::regex change_id_shape("[0-9]{8}-([a-z0-9._-]+)-[0-9a-f]{12}");
    std::smatch match;
    if (!std::regex_match(change_id, match, change_id_shape))
        throw util::Error("change-id '" + change_id + "' is not b4's YYYYMMDD-slug-<12 hex>");
    static const std::regex date_shape("[0-9]{8}");
    if (!std::regex_match(date, date_shape)) throw util::Error("message-id date '" + date + "' is not YYYYMMDD");
    static const std::regex hash_shape("[0-9a-f]{12}");
    if (!std::regex_match(hash, hash_shape)) throw util::Error("message-id hash '" + hash + "' is not 12 hex digits");
    size_t at = sender_email.rfind('@');
    if (at == std::string::npos || at + 1 == sender_email.size())
        throw util::Error("sender address '" + sender_email + "' has no domain for the message-ids");
    return {date, match[1], revision, hash, sender_email.substr(at + 1)};
}

std::optional<MessageIdTemplate> parse_message_id_template(const std::string& id) {
    static const std::regex shape("([0-9]{8})-(.+)-v([1-9][0-9]{0,8})-([0-9]+)-([0-9a-f]{12})@(.+)");
    std::smatch match;
    if (!std::regex_match(id, match, shape)) return std::nullopt;
    return MessageIdTemplate{match[1], match[2], std::stoi(match[3]), match[5], match[6]};
}

}  // namespace seriesctl::mail
