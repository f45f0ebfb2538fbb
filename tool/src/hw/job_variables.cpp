#include "hw/job_variables.h"

#include <cctype>

namespace seriesctl::hw {

namespace {

// The length of a variable's name starting at text[at] (just after '{'),
// or 0 when what follows is not `name}`.
size_t name_length(const std::string& text, size_t at) {
    if (at >= text.size() || !std::islower(static_cast<unsigned char>(text[at]))) return 0;
    size_t end = at;
    while (end < text.size() && (std::islower(static_cast<unsigned char>(text[end])) ||
                                 std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '-'))
        ++end;
    return end < text.size() && text[end] == '}' ? end - at : 0;
}

}  // namespace

std::vector<std::string> variable_names(const std::string& text) {
    std::vector<std::string> names;
    for (size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1))
        if (size_t length = name_length(text, at + 1)) names.push_back(text.substr(at + 1, length));
    return names;
}

std::string substitute(const std::string& text, const Variables& values) {
    std::string result;
    size_t done = 0;
    for (size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1)) {
        size_t length = name_length(text, at + 1);
        if (!length) continue;
        auto value = values.find(text.substr(at + 1, length));
        if (value == values.end()) continue;
        result += text.substr(done, at - done) + value->second;
        done = at + length + 2;
        at = done - 1;
    }
    return result + text.substr(done);
}

}  // namespace seriesctl::hw
