#include "patch/patch_id.h"

#include <cctype>

#include "util/hash.h"

namespace seriesctl::patch {

namespace {

std::string without_space(std::string_view line) {
    std::string out;
    for (char c : line)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

bool starts_with(std::string_view line, std::string_view prefix) { return line.substr(0, prefix.size()) == prefix; }

// "@@ -a,b +c,d @@": the line counts b and d (1 when left out).
bool scan_hunk_header(std::string_view line, int& before, int& after) {
    auto number_after = [](std::string_view text, size_t& pos, int& count) {
        size_t start = pos;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
        if (pos == start) return false;
        count = 1;
        if (pos < text.size() && text[pos] == ',') {
            size_t digits = ++pos;
            while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
            if (pos == digits || pos - digits > 9) return false;  // more than an int holds
            count = std::stoi(std::string(text.substr(digits, pos - digits)));
        }
        return true;
    };
    size_t pos = 4;
    if (!number_after(line, pos, before)) return false;
    if (line.substr(pos, 2) != " +") return false;
    pos += 2;
    return number_after(line, pos, after);
}

void add_into(util::Sha1::Digest& sum, const util::Sha1::Digest& digest) {
    unsigned carry = 0;
    for (size_t i = 0; i < sum.size(); ++i) {
        carry += sum[i] + digest[i];
        sum[i] = static_cast<unsigned char>(carry);
        carry >>= 8;
    }
}

}  // namespace

// Follows git's builtin/patch-id.c (get_one_patchid with stable=1).
std::string stable_patch_id(std::string_view diff) {
    util::Sha1 sha;
    util::Sha1::Digest result{};
    int before = -1, after = -1;
    size_t hashed = 0;
    size_t pos = 0;
    while (pos < diff.size()) {
        size_t eol = diff.find('\n', pos);
        std::string_view line = diff.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos + 1);
        pos = eol == std::string_view::npos ? diff.size() : eol + 1;

        if (starts_with(line, "\\ ") && line.size() > 12) continue;
        if (!hashed && !starts_with(line, "diff ")) continue;

        if (before == -1) {
            if (starts_with(line, "index ")) continue;
            if (starts_with(line, "--- "))
                before = after = 1;
            else if (!std::isalpha(static_cast<unsigned char>(line[0])))
                break;
        }
        if (before == 0 && after == 0) {
            if (starts_with(line, "@@ -")) {
                scan_hunk_header(line, before, after);
                continue;
            }
            if (!starts_with(line, "diff ")) break;
            add_into(result, sha.finish());
            before = after = -1;
        }
        if (line[0] == '-' || line[0] == ' ') --before;
        if (line[0] == '+' || line[0] == ' ') --after;
        std::string compact = without_space(line);
        hashed += compact.size();
        sha.update(compact);
    }
    if (!hashed) return "";
    add_into(result, sha.finish());
    return util::to_hex(result.data(), result.size());
}

}  // namespace seriesctl::patch
