#include "mail/charset.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <iconv.h>
#include <memory>

namespace seriesctl::mail {

namespace {

const char replacement[] = "\xEF\xBF\xBD";  // U+FFFD

struct IconvClose {
    void operator()(void* handle) const { iconv_close(static_cast<iconv_t>(handle)); }
};
using Iconv = std::unique_ptr<void, IconvClose>;

// Length of the valid UTF-8 sequence at `text[i]`, or 0 when it is not one.
size_t utf8_sequence(std::string_view text, size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > text.size()) return 0;
    for (size_t k = 1; k < length; ++k)
        if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return 0;
    return length;
}

std::string repaired_utf8(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        size_t length = utf8_sequence(text, i);
        if (length == 0) {
            out += replacement;
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

}  // namespace

std::optional<std::string> charset_to_utf8(std::string_view bytes, std::string_view charset) {
    std::string name = util::lowercase(charset);
    // US-ASCII mail with 8-bit bytes is nearly always UTF-8 sent unlabelled.
    if (name.empty() || name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii")
        return repaired_utf8(bytes);
    iconv_t raw = iconv_open("UTF-8", name.c_str());
    if (raw == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    Iconv converter(raw);
    std::string out;
    char buffer[4096];
    char* in = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    while (in_left > 0) {
        char* to = buffer;
        size_t to_left = sizeof buffer;
        size_t rc = iconv(raw, &in, &in_left, &to, &to_left);
        out.append(buffer, sizeof buffer - to_left);
        if (rc != static_cast<size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        out += replacement;  // EILSEQ or EINVAL: skip the byte that does not fit
        ++in;
        --in_left;
    }
    return out;
}

}  // namespace seriesctl::mail
