#include "mail/mail_body.h"

#include <algorithm>
#include <cctype>

#include "mail/charset.h"
#include "util/text.h"

namespace seriesctl::mail {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string header_value(const std::vector<MailHeader>& headers, std::string_view name) {
    const MailHeader* header = find_header(headers, name);
    return header ? header->value : "";
}

// The media type of a Content-Type value, lower case: "text/plain".
std::string media_type(std::string_view content_type) {
    return util::lowercase(util::trimmed(content_type.substr(0, content_type.find(';'))));
}

std::optional<std::string> decode_transfer(std::string_view body, const std::string& encoding, std::string* why) {
    if (encoding == "base64") {
        auto bytes = decode_base64(body);
        if (!bytes && why) *why = "a base64 body that is not base64";
        return bytes;
    }
    if (encoding == "quoted-printable") return decode_quoted_printable(body);
    return std::string(body);
}

// The parts between "--boundary" lines, each with its own header block.
std::optional<std::vector<std::string_view>> split_parts(std::string_view body, const std::string& boundary) {
    std::vector<std::string_view> parts;
    const std::string delimiter = "--" + boundary;
    size_t pos = 0;
    size_t part_start = std::string_view::npos;
    while (pos < body.size()) {
        size_t eol = body.find('\n', pos);
        size_t next = eol == std::string_view::npos ? body.size() : eol + 1;
        std::string_view line = body.substr(pos, next - pos);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (line.starts_with(delimiter)) {
            if (part_start != std::string_view::npos) parts.push_back(body.substr(part_start, pos - part_start));
            if (line == delimiter + "--") return parts;
            part_start = next;
        }
        pos = next;
    }
    if (part_start == std::string_view::npos) return std::nullopt;
    parts.push_back(body.substr(part_start));  // no closing delimiter: take what is there
    return parts;
}

std::optional<std::string> part_text(const std::vector<MailHeader>& headers, std::string_view body, std::string* why,
                                     bool first_level);

std::optional<std::string> multipart_text(const std::string& content_type, std::string_view body, std::string* why) {
    std::string boundary = header_parameter(content_type, "boundary");
    if (boundary.empty()) {
        if (why) *why = "a multipart body without a boundary";
        return std::nullopt;
    }
    auto parts = split_parts(body, boundary);
    if (!parts) {
        if (why) *why = "a multipart body whose boundary \"" + boundary + "\" never appears";
        return std::nullopt;
    }
    for (std::string_view part : *parts) {
        std::string header_why;
        size_t split = body_start(part);
        auto headers = parse_headers(part.substr(0, split), &header_why);
        if (!headers) {
            if (why) *why = "a MIME part with broken headers (" + header_why + ")";
            return std::nullopt;
        }
        std::string_view part_body = part.substr(split);
        auto text = part_text(*headers, part_body, why, false);
        if (!text) return std::nullopt;
        if (!text->empty()) return text;
    }
    return std::string();
}

std::optional<std::string> part_text(const std::vector<MailHeader>& headers, std::string_view body, std::string* why,
                                     bool first_level) {
    std::string content_type = header_value(headers, "Content-Type");
    std::string type = content_type.empty() ? "text/plain" : media_type(content_type);
    if (type.starts_with("multipart/")) return multipart_text(content_type, body, why);
    // The top level of a mail is read whatever its type claims; inside a
    // multipart only text/plain is the text (HTML and attachments are not).
    if (!first_level && type != "text/plain") return std::string();
    auto bytes =
        decode_transfer(body, util::lowercase(util::trimmed(header_value(headers, "Content-Transfer-Encoding"))), why);
    if (!bytes) return std::nullopt;
    std::string charset = header_parameter(content_type, "charset");
    auto text = charset_to_utf8(*bytes, charset);
    // An unknown charset: show the ASCII and mark the rest, never fail on it.
    return text ? *text : *charset_to_utf8(*bytes, "us-ascii");
}

}  // namespace

std::string decode_quoted_printable(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '=') {
            out += text[i];
            continue;
        }
        if (i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 && hex_digit(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
            i += 2;
            continue;
        }
        size_t after = text.find_first_not_of(" \t", i + 1);  // "=" then trailing blanks then the line break
        if (after != std::string_view::npos && text[after] == '\r' && after + 1 < text.size() && text[after + 1] == '\n')
            ++after;
        if (after == std::string_view::npos || text[after] == '\n') {
            i = after == std::string_view::npos ? text.size() : after;
            continue;
        }
        out += '=';
    }
    return out;
}

std::string header_parameter(std::string_view value, std::string_view name) {
    size_t pos = value.find(';');
    while (pos != std::string_view::npos) {
        size_t next = value.find(';', pos + 1);
        // A quoted value may hold ';': extend to the closing quote.
        std::string_view item = value.substr(pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1);
        size_t eq = item.find('=');
        if (eq != std::string_view::npos &&
            util::lowercase(util::trimmed(item.substr(0, eq))) == util::lowercase(name)) {
            size_t start = pos + 1 + eq + 1;
            std::string_view rest = value.substr(start);
            size_t first = rest.find_first_not_of(" \t");
            if (first == std::string_view::npos) return "";
            if (rest[first] == '"') {
                size_t close = rest.find('"', first + 1);
                return std::string(rest.substr(first + 1, close == std::string_view::npos ? std::string_view::npos
                                                                                         : close - first - 1));
            }
            return util::trimmed(rest.substr(first, rest.find(';', first) - first));
        }
        pos = next;
    }
    return "";
}

std::optional<std::string> body_text(const std::vector<MailHeader>& headers, std::string_view body, std::string* why) {
    return part_text(headers, body, why, true);
}

}  // namespace seriesctl::mail
