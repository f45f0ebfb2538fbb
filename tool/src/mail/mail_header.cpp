#include "mail/mail_header.h"

#include <algorithm>
#include <cctype>

#include "mail/charset.h"

namespace seriesctl::mail {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string decode_q(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') {
            out += ' ';
        } else if (text[i] == '=' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// One encoded word starting at `pos`; fills `decoded` and returns its end.
std::optional<size_t> encoded_word(std::string_view value, size_t pos, std::string& decoded) {
    if (value.substr(pos, 2) != "=?") return std::nullopt;
    size_t q1 = value.find('?', pos + 2);
    if (q1 == std::string_view::npos || q1 + 2 >= value.size() || value[q1 + 2] != '?') return std::nullopt;
    size_t end = value.find("?=", q1 + 3);
    if (end == std::string_view::npos) return std::nullopt;
    std::string charset(value.substr(pos + 2, q1 - pos - 2));
    charset = charset.substr(0, charset.find('*'));  // RFC 2231 language tag
    char encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(value[q1 + 1])));
    std::string_view payload = value.substr(q1 + 3, end - q1 - 3);
    std::string bytes;
    if (encoding == 'Q') {
        bytes = decode_q(payload);
    } else if (encoding == 'B') {
        auto b = decode_base64(payload);
        if (!b) return std::nullopt;
        bytes = *b;
    } else {
        return std::nullopt;
    }
    auto text = charset_to_utf8(bytes, charset);
    if (!text) return std::nullopt;
    decoded = *text;
    return end + 2;
}

}  // namespace

std::optional<std::vector<MailHeader>> parse_headers(std::string_view text, std::string* why, size_t first_line) {
    std::vector<MailHeader> headers;
    size_t pos = 0;
    size_t line_number = first_line - 1;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? text.size() : eol + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) break;
        if (line.front() == ' ' || line.front() == '\t') {
            if (headers.empty()) {
                if (why) *why = "line " + std::to_string(line_number) + ": continuation before any header";
                return std::nullopt;
            }
            // A continuation of only whitespace adds nothing (and has no
            // first non-blank to start from).
            size_t start = line.find_first_not_of(" \t");
            if (start == std::string_view::npos) continue;
            headers.back().value += " ";
            headers.back().value += line.substr(start);
            continue;
        }
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0 ||
            line.substr(0, colon).find_first_of(" \t") != std::string_view::npos) {
            if (why) *why = "line " + std::to_string(line_number) + ": not a mail header: '" + std::string(line.substr(0, 60)) + "'";
            return std::nullopt;
        }
        std::string_view value = line.substr(colon + 1);
        size_t start = value.find_first_not_of(" \t");
        headers.push_back({std::string(line.substr(0, colon)),
                           start == std::string_view::npos ? "" : std::string(value.substr(start))});
    }
    return headers;
}

size_t body_start(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) return text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        if (line.empty() || line == "\r") return pos;
    }
    return text.size();
}

const MailHeader* find_header(const std::vector<MailHeader>& headers, std::string_view name) {
    for (const auto& header : headers)
        if (iequals(header.name, name)) return &header;
    return nullptr;
}

std::string decode_rfc2047(std::string_view value) {
    std::string out;
    std::string pending_space;  // between two encoded words it is dropped
    bool after_word = false;
    size_t i = 0;
    while (i < value.size()) {
        std::string decoded;
        if (auto end = encoded_word(value, i, decoded)) {
            if (!after_word) out += pending_space;
            pending_space.clear();
            out += decoded;
            i = *end;
            after_word = true;
            continue;
        }
        if (value[i] == ' ' || value[i] == '\t') {
            pending_space += value[i++];
            continue;
        }
        out += pending_space;
        pending_space.clear();
        out += value[i++];
        after_word = false;
    }
    return out + pending_space;
}

std::optional<std::string> decode_base64(std::string_view text) {
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=') break;
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t') continue;
        size_t value = alphabet.find(c);
        if (value == std::string::npos) return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

}  // namespace seriesctl::mail
