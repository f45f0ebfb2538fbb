#include "series/kernel_release.h"

#include <regex>

namespace seriesctl::series {

std::string KernelRelease::tag() const {
    std::string text = "v" + std::to_string(version) + "." + std::to_string(patchlevel);
    if (sublevel != 0) text += "." + std::to_string(sublevel);
    if (rc != 0) text += "-rc" + std::to_string(rc);
    return text;
}

std::optional<KernelRelease> parse_release_tag(const std::string& tag) {
    static const std::regex shape(R"(v([1-9][0-9]*)\.([0-9]+)(?:\.([1-9][0-9]*))?(?:-rc([1-9][0-9]*))?)");
    std::smatch match;
    if (!std::regex_match(tag, match, shape)) return std::nullopt;
    KernelRelease release;
    release.version = std::stoi(match[1]);
    release.patchlevel = std::stoi(match[2]);
    if (match[3].matched) release.sublevel = std::stoi(match[3]);
    if (match[4].matched) release.rc = std::stoi(match[4]);
    if (release.sublevel != 0 && release.rc != 0) return std::nullopt;  // stable releases have no -rc
    return release;
}

std::optional<KernelRelease> release_of_makefile(const std::string& makefile) {
    // Only the leading assignments count: the rest of the Makefile is rules.
    static const std::regex field(R"(^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)[ \t]*=[ \t]*([^\s#]*))",
                                  std::regex::multiline);
    std::string version, patchlevel, sublevel, extra;
    bool seen_extra = false;
    auto end = makefile.size() < 4096 ? makefile.end() : makefile.begin() + 4096;
    for (std::sregex_iterator it(makefile.begin(), end, field), stop; it != stop; ++it) {
        std::string key = (*it)[1], value = (*it)[2];
        if (key == "VERSION" && version.empty()) version = value;
        else if (key == "PATCHLEVEL" && patchlevel.empty()) patchlevel = value;
        else if (key == "SUBLEVEL" && sublevel.empty()) sublevel = value;
        else if (key == "EXTRAVERSION" && !seen_extra) extra = value, seen_extra = true;
    }
    if (version.empty() || patchlevel.empty()) return std::nullopt;
    std::string tag = "v" + version + "." + patchlevel;
    if (!sublevel.empty() && sublevel != "0") tag += "." + sublevel;
    return parse_release_tag(tag + extra);
}

}  // namespace seriesctl::series
