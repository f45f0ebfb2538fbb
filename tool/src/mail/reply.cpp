#include "mail/reply.h"
#include "util/text.h"

#include <algorithm>
#include <regex>
#include <sstream>

namespace seriesctl::mail {

namespace {

bool is_quote(const std::string& line) {
    size_t first = line.find_first_not_of(" \t");
    return first != std::string::npos && line[first] == '>';
}

bool is_attribution(const std::string& line) {
    std::string text = util::trimmed(line);
    for (const char* said : {"wrote:", "writes:", "a écrit :", "schrieb:"})
        if (text.ends_with(said)) return true;
    return false;
}

// The sender's own lines: the signature ("-- ") and everything after it
// goes, so do quotes and the "On …, X wrote:" line (one or two lines) above
// a quote.
std::vector<std::string> own_lines(const std::string& body) {
    std::vector<std::string> lines;
    std::istringstream in(body);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // A CR or NUL inside a line of someone else's mail is nothing a
        // trailer or excerpt may carry into the series file.
        for (char& c : line)
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) c = ' ';
        if (line == "-- " || line == "--") break;
        lines.push_back(line);
    }
    std::vector<std::string> own;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (is_quote(lines[i])) continue;
        size_t next = i + 1;
        while (next < lines.size() && util::trimmed(lines[next]).empty()) ++next;
        bool before_quote = next < lines.size() && is_quote(lines[next]);
        if (before_quote && is_attribution(lines[i])) {
            if (!own.empty() && util::trimmed(own.back()).starts_with("On ")) own.pop_back();
            continue;
        }
        own.push_back(lines[i]);
    }
    return own;
}

std::string canonical_key(const std::string& given) {
    std::string key = util::lowercase(given);
    if (key == "nacked-by") return "Nacked-by";
    key[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])));
    return key;
}

std::string shortened(const std::string& text, size_t length) {
    if (text.size() <= length) return text;
    size_t cut = text.rfind(' ', length);
    if (cut == std::string::npos || cut < length / 2) cut = length;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;  // not inside a UTF-8 character
    return text.substr(0, cut) + "…";
}

}  // namespace

std::string trailer_kinds(const std::vector<std::string>& trailers) {
    std::string kinds;
    for (const auto& trailer : trailers) kinds += (kinds.empty() ? "" : ", ") + trailer.substr(0, trailer.find(':'));
    return kinds;
}

ReplyText read_reply(const std::string& body, const Address& sender, size_t excerpt_length) {
    static const std::regex trailer(
        R"((reviewed-by|acked-by|tested-by|reported-by|suggested-by|nacked-by):\s*(.+))", std::regex::icase);
    static const std::regex nak(R"((nak|nack|nacked)[.!]*)", std::regex::icase);
    ReplyText reply;
    std::string excerpt;
    for (const auto& line : own_lines(body)) {
        reply.new_text += line + "\n";
        std::string text = util::trimmed(line);
        std::smatch match;
        std::string given;
        if (std::regex_match(text, match, trailer))
            given = canonical_key(match[1]) + ": " + util::trimmed(match[2].str());
        else if (std::regex_match(text, nak))
            given = "Nacked-by: " + sender.formatted();
        if (!given.empty()) {
            if (std::find(reply.trailers.begin(), reply.trailers.end(), given) == reply.trailers.end())
                reply.trailers.push_back(given);
            continue;
        }
        if (!text.empty()) excerpt += (excerpt.empty() ? "" : " ") + text;
    }
    reply.new_text = util::trimmed(reply.new_text);
    if (!reply.new_text.empty()) reply.new_text += "\n";
    reply.excerpt = shortened(excerpt, excerpt_length);
    return reply;
}

}  // namespace seriesctl::mail
