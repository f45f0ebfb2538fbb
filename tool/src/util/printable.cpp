#include "util/printable.h"

#include <algorithm>

namespace seriesctl::util {

namespace {

bool is_control(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; }

}  // namespace

std::string printable(std::string_view text) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (is_control(byte)) out += std::string("\\x") + hex[byte >> 4] + hex[byte & 15];
        else out += c;
    }
    return out;
}

bool has_control_character(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return is_control(static_cast<unsigned char>(c)); });
}

}  // namespace seriesctl::util
