#include "series/table.h"

#include <algorithm>

namespace seriesctl::series {

size_t display_width(const std::string& text) {
    size_t width = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0x1b) {  // ESC [ ... m
            while (i < text.size() && text[i] != 'm') ++i;
            continue;
        }
        if ((c & 0xc0) != 0x80) ++width;
    }
    return width;
}

std::string cut_to_width(const std::string& text, size_t width) {
    if (display_width(text) <= width) return text;
    size_t end = 0;
    for (size_t characters = 0; end < text.size(); ++end)
        if ((static_cast<unsigned char>(text[end]) & 0xc0) != 0x80 && characters++ == width) break;
    return text.substr(0, end) + "…";
}

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::add(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
}

std::string Table::render() const {
    std::vector<size_t> widths(headers_.size());
    for (size_t c = 0; c < headers_.size(); ++c) {
        widths[c] = display_width(headers_[c]);
        for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (size_t c = 0; c < cells.size(); ++c) {
            text += cells[c];
            if (c + 1 < cells.size()) text += std::string(widths[c] - display_width(cells[c]) + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        return text + "\n";
    };
    std::string text = line(headers_);
    for (const auto& row : rows_) text += line(row);
    return text;
}

}  // namespace seriesctl::series
