#include "patch/patch_regeneration.h"

#include <regex>

#include "util/error.h"

namespace seriesctl::patch {

std::string commit_message(const PatchFile& patch) {
    return patch.message.empty() ? patch.summary + "\n" : patch.summary + "\n\n" + patch.message + "\n";
}

std::string note_text(const PatchFile& patch) {
    if (patch.notes.empty()) return "";
    static const std::string header = "Notes:\n";
    if (patch.notes.compare(0, header.size(), header) != 0)
        throw util::Error(patch.name + ": the text after '---' is not a git note block ('Notes:'); git format-patch "
                                 "--notes would not write it again, so keep changelogs as git notes");
    std::string text;
    size_t pos = header.size();
    while (pos < patch.notes.size()) {
        size_t eol = patch.notes.find('\n', pos);
        if (eol == std::string::npos) eol = patch.notes.size();
        std::string line = patch.notes.substr(pos, eol - pos);
        text += (line.compare(0, 4, "    ") == 0 ? line.substr(4) : line) + "\n";
        pos = eol + 1;
    }
    return text;
}

std::vector<std::string> format_patch_options(const std::vector<PatchFile>& originals) {
    const PatchFile& first = originals.front();
    static const std::regex numbering(R"((.*?) ?\d+/\d+$)");
    std::smatch match;
    std::string prefix = first.prefix;
    if (std::regex_match(first.prefix, match, numbering)) prefix = match[1];
    std::vector<std::string> options = {"--subject-prefix=" + prefix, first.number ? "--numbered" : "--no-numbered"};

    bool notes = false;
    for (const auto& patch : originals) notes = notes || !patch.notes.empty();
    options.push_back(notes ? "--notes" : "--no-notes");
    options.push_back(first.signature.empty() ? "--no-signature" : "--signature=" + first.signature);
    if (first.commit == std::string(40, '0')) options.push_back("--zero-commit");

    // The ids on "index" lines: as long as the originals wrote them, so a
    // store that grew does not change every line.
    static const std::regex index_line(R"((?:^|\n)index ([0-9a-f]+)\.\.)");
    if (std::regex_search(first.diff, match, index_line))
        options.push_back("--abbrev=" + std::to_string(match[1].length()));
    return options;
}

std::string regeneration_difference(const PatchFile& original, const PatchFile& regenerated) {
    const auto& a = original.headers;
    const auto& b = regenerated.headers;
    for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (i >= a.size()) return "git format-patch adds a header '" + b[i].name + ": " + b[i].value + "'";
        if (i >= b.size()) return "git format-patch drops the header '" + a[i].name + ": " + a[i].value + "'";
        if (a[i].name != b[i].name || a[i].value != b[i].value)
            return "header '" + a[i].name + ": " + a[i].value + "' comes out as '" + b[i].name + ": " + b[i].value +
                   "'";
    }
    if (original.message != regenerated.message) return "the commit message comes out different";
    if (original.notes != regenerated.notes) return "the notes after '---' come out different";
    return "";
}

}  // namespace seriesctl::patch
