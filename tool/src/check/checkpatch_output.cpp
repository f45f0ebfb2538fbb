#include "check/checkpatch_output.h"

#include <regex>
#include <sstream>

namespace seriesctl::check {

std::vector<Finding> parse_checkpatch_output(const std::string& output, int patch) {
    static const std::regex heading(R"((ERROR|WARNING|CHECK):([A-Z0-9_]+): (.*))");
    static const std::regex place(R"(#(\d+): (?:FILE: (.+):(\d+):)?.*)");
    std::vector<Finding> findings;
    std::istringstream in(output);
    bool expect_place = false;
    for (std::string line; std::getline(in, line);) {
        std::smatch match;
        if (std::regex_match(line, match, heading)) {
            Finding finding;
            finding.patch = patch;
            finding.source = "checkpatch";
            finding.level = match[1];
            finding.type = match[2];
            finding.message = match[3];
            findings.push_back(finding);
            expect_place = true;
            continue;
        }
        if (expect_place && std::regex_match(line, match, place)) {
            Finding& finding = findings.back();
            finding.patch_line = std::stoi(match[1]);
            if (match[2].matched) {
                finding.file = match[2];
                finding.line = std::stoi(match[3]);
            }
        }
        expect_place = false;
    }
    return findings;
}

}  // namespace seriesctl::check
