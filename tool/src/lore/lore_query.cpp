#include "lore/lore_query.h"

#include <cctype>
#include <cstdio>

namespace seriesctl::lore {

namespace {

// A Xapian phrase: quotes inside would end it early.
std::string phrase(const std::string& text) {
    std::string out = "\"";
    for (char c : text) out += c == '"' ? ' ' : c;
    return out + "\"";
}

}  // namespace

std::string poll_query(int64_t since, const std::set<std::string>& subjects, const std::set<std::string>& files,
                       const std::vector<std::string>& leave_out) {
    std::string any;
    for (const auto& subject : subjects) any += (any.empty() ? "" : " OR ") + ("s:" + phrase(subject));
    for (const auto& file : files) any += (any.empty() ? "" : " OR ") + ("dfn:" + phrase(file));
    if (any.empty()) return "";
    std::string query = "rt:" + std::to_string(since) + ".. (" + any + ")";
    for (const auto& id : leave_out) query += " NOT mid:" + phrase(id);
    return query;
}

std::string percent_encode(const std::string& text, const std::string& kept) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || kept.find(static_cast<char>(c)) != std::string::npos) {
            out += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            out += escaped;
        }
    }
    return out;
}

std::string message_url(const std::string& archive, const std::string& message_id) {
    return archive + "/" + percent_encode(message_id, "-._~!$&'()*+,;=:@") + "/";
}

std::string raw_message_url(const std::string& archive, const std::string& message_id) {
    return message_url(archive, message_id) + "raw";
}

std::string thread_mbox_url(const std::string& archive, const std::string& message_id) {
    return message_url(archive, message_id) + "t.mbox.gz";
}

std::string search_mbox_url(const std::string& archive, const std::string& query) {
    return archive + "/?x=m&q=" + percent_encode(query, "-._~");
}

}  // namespace seriesctl::lore
