#include "mail/outgoing_mail.h"

#include <sstream>

#include "util/error.h"
#include "util/printable.h"

#include "util/clock.h"

namespace seriesctl::mail {

namespace {

bool is_ascii(const std::string& text) {
    for (unsigned char c : text)
        if (c >= 0x80) return false;
    return true;
}

// One word as encoded words of at most 75 characters, never splitting a
// UTF-8 sequence.
std::string q_encode(const std::string& word) {
    static const char* hex = "0123456789ABCDEF";
    const std::string open = "=?UTF-8?q?", close = "?=";
    std::string out, current;
    auto flush = [&] {
        if (current.empty()) return;
        out += (out.empty() ? "" : " ") + open + current + close;
        current.clear();
    };
    for (size_t i = 0; i < word.size();) {
        size_t length = 1;
        auto lead = static_cast<unsigned char>(word[i]);
        if (lead >= 0xf0) length = 4;
        else if (lead >= 0xe0) length = 3;
        else if (lead >= 0xc0) length = 2;
        std::string piece;
        for (size_t k = i; k < i + length && k < word.size(); ++k) {
            auto c = static_cast<unsigned char>(word[k]);
            if (c == ' ') piece += '_';
            else if (c >= 0x80 || c == '=' || c == '?' || c == '_' || c == '"' || c < 0x20) {
                piece += '=';
                piece += hex[c >> 4];
                piece += hex[c & 15];
            } else {
                piece += static_cast<char>(c);
            }
        }
        if (open.size() + current.size() + piece.size() + close.size() > 75) flush();
        current += piece;
        i += length;
    }
    flush();
    return out;
}

std::string bracketed(const std::string& id) { return "<" + id + ">"; }

// "Name: value", folded before an element of `parts` when the line would
// pass 78 columns.
std::string folded_header(const std::string& name, const std::vector<std::string>& parts, const std::string& glue) {
    std::string out = name + ":", line = out;
    for (size_t i = 0; i < parts.size(); ++i) {
        std::string piece = parts[i] + (i + 1 < parts.size() ? glue : "");
        if (line.size() + 1 + piece.size() > 78 && line.size() > name.size() + 1) {
            out += "\n";
            line = "";
        }
        out += " " + piece;
        line += " " + piece;
    }
    return out + "\n";
}

// The last guard before a header is written: a CR, LF, NUL or other control
// character would end it and start another (header injection).
void refuse_header_breaks(const OutgoingMail& mail, const std::string& header, const std::string& value) {
    if (!util::has_control_character(value) && !util::has_control_character(header)) return;
    bool line_break = (value + header).find_first_of("\r\n") != std::string::npos;
    throw util::Error("mail " + std::to_string(mail.number) + " (" + (mail.number == 0 ? "cover" : "patch") + "): " +
                util::printable(header) + ": the value holds a " + (line_break ? "line break" : "control character") +
                "; refusing to write the mail (header injection)");
}

}  // namespace

std::string subject_prefix(const std::string& prefix, int revision, int number, int total) {
    std::string out = "[" + prefix;
    if (revision > 1) out += " v" + std::to_string(revision);
    return out + " " + std::to_string(number) + "/" + std::to_string(total) + "]";
}

void thread_mails(std::vector<OutgoingMail>& mails, const std::string& parent) {
    if (mails.empty()) return;
    OutgoingMail& cover = mails.front();
    cover.in_reply_to = parent;
    cover.references = parent.empty() ? std::vector<std::string>{} : std::vector<std::string>{parent};
    for (size_t i = 1; i < mails.size(); ++i) {
        mails[i].in_reply_to = cover.message_id;
        mails[i].references = cover.references;
        mails[i].references.push_back(cover.message_id);
    }
}

std::string encode_header_text(const std::string& text) {
    if (is_ascii(text)) return text;
    // Encode the stretch from the first to the last non-ASCII word, so the
    // spaces between encoded words are kept inside them.
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    size_t first = words.size(), last = 0;
    for (size_t i = 0; i < words.size(); ++i)
        if (!is_ascii(words[i])) first = std::min(first, i), last = i;
    std::string out, middle;
    for (size_t i = 0; i < first; ++i) out += words[i] + " ";
    for (size_t i = first; i <= last; ++i) middle += (i == first ? "" : " ") + words[i];
    out += q_encode(middle);
    for (size_t i = last + 1; i < words.size(); ++i) out += " " + words[i];
    return out;
}

std::string encode_address(const Address& address) {
    if (address.name.empty() || is_ascii(address.name)) return address.formatted();
    return encode_header_text(address.name) + " <" + address.email + ">";
}

std::string rfc2822_date(int64_t seconds) { return util::format_utc(seconds, "%a, %d %b %Y %H:%M:%S +0000"); }

std::string render_mail(const OutgoingMail& mail, WithRecipients recipients) {
    refuse_header_breaks(mail, "From", mail.from);
    refuse_header_breaks(mail, "Subject", mail.subject);
    refuse_header_breaks(mail, "Message-Id", mail.message_id);
    refuse_header_breaks(mail, "In-Reply-To", mail.in_reply_to);
    for (const auto& id : mail.references) refuse_header_breaks(mail, "References", id);
    for (const auto& header : mail.content_headers) refuse_header_breaks(mail, header.name, header.value);
    std::string out = "From: " + mail.from + "\n";
    out += "Date: " + rfc2822_date(mail.date) + "\n";
    out += "Subject: " + encode_header_text(mail.subject) + "\n";
    out += "Message-Id: " + bracketed(mail.message_id) + "\n";
    if (!mail.in_reply_to.empty()) out += "In-Reply-To: " + bracketed(mail.in_reply_to) + "\n";
    if (!mail.references.empty()) {
        std::vector<std::string> ids;
        for (const auto& id : mail.references) ids.push_back(bracketed(id));
        out += folded_header("References", ids, "");
    }
    if (recipients == WithRecipients::yes) {
        for (const auto& [name, set] : {std::pair{"To", &mail.recipients.to}, std::pair{"Cc", &mail.recipients.cc}}) {
            if (set->empty()) continue;
            std::vector<std::string> addresses;
            for (const auto& address : set->addresses()) addresses.push_back(encode_address(address));
            out += folded_header(name, addresses, ",");
        }
    }
    for (const auto& header : mail.content_headers) out += header.name + ": " + header.value + "\n";
    out += "\n" + mail.body;
    if (!mail.body.empty() && mail.body.back() != '\n') out += "\n";
    return out;
}

std::string render_mbox(const std::vector<OutgoingMail>& mails) {
    std::string out;
    for (const auto& mail : mails) {
        out += "From seriesctl Mon Sep 17 00:00:00 2001\n";
        std::istringstream lines(render_mail(mail, WithRecipients::yes));
        for (std::string line; std::getline(lines, line);) {
            size_t quotes = line.find_first_not_of('>');
            if (quotes != std::string::npos && line.compare(quotes, 5, "From ") == 0) line = ">" + line;
            out += line + "\n";
        }
        out += "\n";
    }
    return out;
}

}  // namespace seriesctl::mail
