#include "build/kconfig_fragment.h"

#include <regex>
#include <sstream>

namespace seriesctl::build {

KconfigValues parse_kconfig(const std::string& text) {
    static const std::regex set(R"((CONFIG_[A-Za-z0-9_]+)=(.*))");
    static const std::regex unset(R"(# (CONFIG_[A-Za-z0-9_]+) is not set)");
    KconfigValues values;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::smatch match;
        if (std::regex_match(line, match, set))
            values[match[1]] = match[2];
        else if (std::regex_match(line, match, unset))
            values[match[1]] = "n";
    }
    return values;
}

std::vector<KconfigMismatch> fragment_mismatches(const KconfigValues& fragment, const KconfigValues& config) {
    std::vector<KconfigMismatch> mismatches;
    for (const auto& [symbol, wanted] : fragment) {
        auto found = config.find(symbol);
        std::string got = found == config.end() ? "n" : found->second;
        if (got != wanted) mismatches.push_back({symbol, wanted, got});
    }
    return mismatches;
}

}  // namespace seriesctl::build
