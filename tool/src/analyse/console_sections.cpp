#include "analyse/console_sections.h"

#include <sstream>

namespace seriesctl::analyse {

std::string ConsoleSections::get(const std::string& name) const {
    auto it = sections.find(name);
    return it == sections.end() ? "" : it->second;
}

ConsoleSections split_console(const std::string& console) {
    static const std::string begin = "@@seriesctl-begin ", end = "@@seriesctl-end ";
    ConsoleSections out;
    std::istringstream in(console);
    std::string line, open, text;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();  // serial consoles end lines with CRLF
        if (line.rfind(begin, 0) == 0) {
            open = line.substr(begin.size());
            text.clear();
        } else if (!open.empty() && line == end + open) {
            out.sections[open] = text;
            open.clear();
        } else if (!open.empty()) {
            text += line + "\n";
        } else if (line == "@@seriesctl-done") {
            out.done = true;
        }
    }
    return out;
}

}  // namespace seriesctl::analyse
