#include "patch/text_file.h"

namespace seriesctl::patch {

TextFile TextFile::parse(std::string_view text) {
    TextFile file;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) {
            file.lines.emplace_back(text.substr(pos));
            file.final_newline = false;
            break;
        }
        file.lines.emplace_back(text.substr(pos, eol - pos));
        pos = eol + 1;
    }
    return file;
}

std::string TextFile::render() const {
    std::string text;
    for (size_t i = 0; i < lines.size(); ++i) {
        text += lines[i];
        if (i + 1 < lines.size() || final_newline) text += '\n';
    }
    return text;
}

}  // namespace seriesctl::patch
