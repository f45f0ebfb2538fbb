#include "patch/patch.h"

#include <algorithm>
#include <regex>

#include "patch/patch_id.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/printable.h"
#include "util/text.h"

namespace seriesctl::patch {

namespace {

struct Lines {
    std::vector<std::string_view> items;
    explicit Lines(std::string_view text) {
        size_t pos = 0;
        while (pos < text.size()) {
            size_t eol = text.find('\n', pos);
            if (eol == std::string_view::npos) eol = text.size();
            items.push_back(text.substr(pos, eol - pos));
            pos = eol + 1;
        }
    }
};

std::string join(const std::vector<std::string_view>& lines, size_t begin, size_t end) {
    std::string text;
    for (size_t i = begin; i < end; ++i) {
        text += lines[i];
        text += '\n';
    }
    return text;
}

std::string trim_blank_lines(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    size_t start = text.find_first_not_of('\n');
    return start == std::string::npos ? "" : text.substr(start);
}

bool is_diffstat_line(std::string_view line) {
    static const std::regex shape(R"( .* \| +(\d+ ?[+-]*|Bin .*)| \d+ files? changed.*| (create|delete) mode .*| rename .*| mode change .*| copy .*)");
    return std::regex_match(line.begin(), line.end(), shape);
}

// A path that would land outside the tree it is applied to (absolute, "..")
// or inside its repository (".git"): why, or "" for a path inside the tree.
std::string path_outside_tree(const std::string& path) {
    if (path.empty()) return "";
    if (path.front() == '/') return "is absolute";
    if (path.find('\\') != std::string::npos) return "holds a backslash";
    if (util::has_control_character(path)) return "holds a control character";
    size_t begin = 0;
    while (begin <= path.size()) {
        size_t end = std::min(path.find('/', begin), path.size());
        std::string part = util::lowercase(path.substr(begin, end - begin));
        if (part == "..") return "climbs out of the tree ('..')";
        if (part == "." || part.empty()) return "has an empty or '.' component";
        if (part == ".git") return "reaches into .git";
        begin = end + 1;
    }
    return "";
}

std::string without_side_prefix(std::string path) {
    if (path.size() >= 2 && path.front() == '"' && path.back() == '"') path = path.substr(1, path.size() - 2);
    if (path.starts_with("a/") || path.starts_with("b/")) path = path.substr(2);
    return path;
}

// Every path a file header of the diff names, as written (before libgit2
// makes anything of it), with its line (1-based, in the whole file):
// "diff --git a/P b/Q", "--- a/P", "+++ b/Q", "rename/copy from/to P".
std::vector<std::pair<size_t, std::string>> header_paths(const std::vector<std::string_view>& items, size_t begin,
                                                         size_t end) {
    std::vector<std::pair<size_t, std::string>> paths;
    bool in_header = false;
    for (size_t i = begin; i < end; ++i) {
        std::string_view line = items[i];
        if (line.starts_with("diff --git ")) {
            in_header = true;
            std::string rest(line.substr(11));
            size_t split = rest.rfind(" b/");
            if (rest.starts_with("a/") && split != std::string::npos) {
                paths.push_back({i + 1, without_side_prefix(rest.substr(0, split))});
                paths.push_back({i + 1, without_side_prefix(rest.substr(split + 1))});
            }
            continue;
        }
        if (line.starts_with("@@")) in_header = false;
        if (!in_header) continue;
        for (const char* key : {"--- ", "+++ ", "rename from ", "rename to ", "copy from ", "copy to "}) {
            if (!line.starts_with(key)) continue;
            std::string path(line.substr(std::string_view(key).size()));
            path = path.substr(0, path.find('\t'));
            if (path != "/dev/null") paths.push_back({i + 1, without_side_prefix(path)});
        }
    }
    return paths;
}

}  // namespace

PatchSubject parse_patch_subject(const std::string& subject) {
    static const std::regex shape(R"(\[([^\]]*)\]\s*(.*))");
    // At most 9 digits: a number an int holds (a hostile "99999999999/3" is no numbering).
    static const std::regex numbering(R"((?:^|.* )(\d{1,9})/(\d{1,9})$)");
    PatchSubject parts;
    std::smatch match;
    if (!std::regex_match(subject, match, shape)) {
        parts.summary = subject;
        return parts;
    }
    parts.prefix = match[1];
    parts.summary = match[2];
    std::smatch numbers;
    if (std::regex_match(parts.prefix, numbers, numbering)) {
        parts.number = std::stoi(numbers[1]);
        parts.total = std::stoi(numbers[2]);
    }
    return parts;
}

std::vector<Trailer> parse_trailers(const std::string& message) {
    static const std::regex trailer_shape(R"(([A-Za-z][A-Za-z0-9-]*):\s+(.+))");
    Lines lines(message);
    size_t end = lines.items.size();
    while (end > 0 && lines.items[end - 1].empty()) --end;
    size_t begin = end;
    while (begin > 0 && !lines.items[begin - 1].empty()) --begin;
    std::vector<Trailer> trailers;
    for (size_t i = begin; i < end; ++i) {
        std::match_results<std::string_view::const_iterator> match;
        std::string_view line = lines.items[i];
        if (!std::regex_match(line.begin(), line.end(), match, trailer_shape)) {
            // A paragraph with a non-trailer line is prose, not a trailer block.
            if (line.front() != ' ') return {};
            continue;
        }
        trailers.push_back({match[1], match[2]});
    }
    return trailers;
}

PatchFile parse_patch(const std::string& text, const std::string& name, const DiffReader& read_diff) {
    auto fail = [&](const std::string& what) -> util::Error { return util::Error(name + ": " + what); };
    PatchFile patch;
    patch.name = name;
    Lines lines(text);
    auto& items = lines.items;
    if (items.empty()) throw fail("empty file, not a git format-patch mail");

    size_t at = 0;
    static const std::regex from_line(R"(From ([0-9a-f]{40}) Mon Sep 17 00:00:00 2001)");
    std::match_results<std::string_view::const_iterator> match;
    if (std::regex_match(items[0].begin(), items[0].end(), match, from_line)) {
        patch.commit = match[1];
        at = 1;
    }
    size_t header_end = at;
    while (header_end < items.size() && !items[header_end].empty()) ++header_end;
    std::string why;
    auto headers = mail::parse_headers(join(items, at, header_end), &why, at + 1);
    if (!headers) throw fail(why);
    patch.headers = *headers;

    const mail::MailHeader* from = mail::find_header(patch.headers, "From");
    const mail::MailHeader* subject = mail::find_header(patch.headers, "Subject");
    const mail::MailHeader* date = mail::find_header(patch.headers, "Date");
    if (!from || !subject) throw fail("no From: or Subject: header; not a git format-patch mail");
    patch.author = mail::parse_address(mail::decode_rfc2047(from->value), &why);
    if (patch.author.email.empty()) throw fail("From: '" + util::printable(from->value) + "' " + why);
    patch.date = date ? date->value : "";
    patch.subject = mail::decode_rfc2047(subject->value);
    if (util::has_control_character(patch.subject))
        throw fail("Subject: the decoded subject holds a line break or control character (header injection)");
    PatchSubject parts = parse_patch_subject(patch.subject);
    patch.prefix = parts.prefix;
    patch.summary = parts.summary;
    patch.number = parts.number;
    patch.total = parts.total;

    size_t separator = header_end + 1;
    while (separator < items.size() && items[separator] != "---") ++separator;
    if (separator >= items.size()) throw fail("no '---' line after the commit message");
    patch.message = trim_blank_lines(join(items, header_end + 1, separator));
    patch.trailers = parse_trailers(patch.message);

    size_t diff_start = separator + 1;
    while (diff_start < items.size() && items[diff_start].substr(0, 11) != "diff --git ") ++diff_start;
    if (diff_start >= items.size()) throw fail("no 'diff --git' after the '---' line: the patch changes nothing");
    size_t stat_start = diff_start;
    while (stat_start > separator + 1 && (items[stat_start - 1].empty() || is_diffstat_line(items[stat_start - 1])))
        --stat_start;
    patch.notes = trim_blank_lines(join(items, separator + 1, stat_start));
    patch.diffstat = trim_blank_lines(join(items, stat_start, diff_start));

    // The signature: the last "-- " line, when only the version follows it.
    size_t diff_end = items.size();
    for (size_t i = items.size(); i > diff_start; --i) {
        if (items[i - 1] != "-- ") continue;
        bool tail_is_signature = true;
        for (size_t j = i + 1; j < items.size(); ++j)
            if (!items[j].empty()) tail_is_signature = false;
        if (tail_is_signature) {
            diff_end = i - 1;
            patch.signature = i < items.size() ? std::string(items[i]) : "";
        }
        break;
    }
    // A path that leaves the tree is refused as written and as libgit2 reads it.
    auto refuse_outside = [&](size_t line, const std::string& path) {
        if (std::string why = path_outside_tree(path); !why.empty())
            throw util::Error(name + ":" + std::to_string(line) + ": the path '" + util::printable(path) + "' " + why +
                        "; refusing the patch");
    };
    for (const auto& [line, path] : header_paths(items, diff_start, diff_end)) refuse_outside(line, path);
    patch.diff = join(items, diff_start, diff_end);
    patch.files = read_diff(patch.diff, name);
    if (patch.files.empty()) throw fail("the diff names no file");
    for (const auto& file : patch.files)
        for (const std::string* path : {&file.old_path, &file.new_path}) refuse_outside(diff_start + 1, *path);
    return patch;
}

std::string PatchFile::patch_id() const { return stable_patch_id(diff); }

std::string patch_ids(const std::vector<PatchFile>& patches) {
    std::string ids;
    for (const auto& patch : patches) ids += patch.patch_id() + "\n";
    return ids;
}

std::string PatchFile::content_hash() const {
    return util::sha256_hex("From: " + author.formatted() + "\nSubject: " + summary + "\n\n" + message + "\n---\n" +
                      notes + "\n" + diff);
}

}  // namespace seriesctl::patch
