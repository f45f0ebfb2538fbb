#include "build/compiler_output.h"

#include <map>
#include <regex>
#include <sstream>

namespace seriesctl::build {

std::vector<Diagnostic> parse_compiler_output(const std::string& output, const std::string& source_dir) {
    static const std::regex shape(R"(([^:\s][^:]*):(\d+):(?:\d+:)? (?:fatal )?(error|warning): (.*))");
    std::vector<Diagnostic> diagnostics;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
        std::smatch match;
        if (!std::regex_match(line, match, shape)) continue;
        Diagnostic d;
        d.file = match[1];
        if (!source_dir.empty() && d.file.rfind(source_dir, 0) == 0) d.file.erase(0, source_dir.size());
        while (d.file.rfind("../", 0) == 0) d.file.erase(0, 3);
        d.line = std::stoi(match[2]);
        d.kind = match[3];
        d.message = match[4];
        diagnostics.push_back(d);
    }
    return diagnostics;
}

std::vector<Diagnostic> new_diagnostics(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after) {
    std::map<std::string, int> known;
    for (const auto& d : before) ++known[d.key()];
    std::vector<Diagnostic> added;
    for (const auto& d : after)
        if (known[d.key()]-- <= 0) added.push_back(d);
    return added;
}

}  // namespace seriesctl::build
