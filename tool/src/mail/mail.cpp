#include "mail/mail.h"

#include <algorithm>

#include "mail/mail_body.h"
#include "mail/mail_date.h"
#include "util/error.h"
#include "util/printable.h"

namespace seriesctl::mail {

std::vector<std::string> message_ids(std::string_view value) {
    std::vector<std::string> ids;
    size_t pos = 0;
    while ((pos = value.find('<', pos)) != std::string_view::npos) {
        size_t close = value.find('>', pos);
        if (close == std::string_view::npos) break;
        std::string_view id = value.substr(pos + 1, close - pos - 1);
        if (!id.empty() && id.find_first_of(" \t<") == std::string_view::npos) ids.emplace_back(id);
        pos = close + 1;
    }
    if (ids.empty() && value.find('<') == std::string_view::npos) {
        size_t begin = value.find_first_not_of(" \t");
        if (begin != std::string_view::npos) {
            std::string_view id = value.substr(begin, value.find_first_of(" \t", begin) - begin);
            if (id.find('@') != std::string_view::npos) ids.emplace_back(id);
        }
    }
    return ids;
}

std::vector<std::string> Mail::ancestors() const {
    std::vector<std::string> ids;
    if (!in_reply_to.empty()) ids.push_back(in_reply_to);
    for (auto it = references.rbegin(); it != references.rend(); ++it)
        if (std::find(ids.begin(), ids.end(), *it) == ids.end()) ids.push_back(*it);
    return ids;
}

Mail parse_mail(std::string_view text, const std::string& where, size_t first_line) {
    auto fail = [&](const std::string& why) { return util::Error(where + ": " + why); };
    std::string why;
    auto headers = parse_headers(text, &why, first_line);
    if (!headers) throw fail(why);
    auto value = [&](const char* name) {
        const MailHeader* header = find_header(*headers, name);
        return header ? header->value : std::string();
    };

    Mail mail;
    auto ids = message_ids(value("Message-Id"));
    if (ids.empty()) throw fail("no Message-Id");
    mail.message_id = ids.front();
    auto replied = message_ids(value("In-Reply-To"));
    if (!replied.empty()) mail.in_reply_to = replied.front();
    mail.references = message_ids(value("References"));
    std::string from = decode_rfc2047(value("From"));
    mail.from = parse_address(from, &why);
    if (mail.from.email.empty())
        throw fail("message <" + util::printable(mail.message_id) + ">: From: '" + util::printable(from) + "' " +
                   (why.empty() ? "is not an address" : why));
    mail.subject = decode_rfc2047(value("Subject"));
    mail.date = parse_mail_date(value("Date"));
    auto body = body_text(*headers, text.substr(body_start(text)), &why);
    if (!body) throw fail("message <" + mail.message_id + ">: " + why);
    mail.body = std::move(*body);
    return mail;
}

}  // namespace seriesctl::mail
