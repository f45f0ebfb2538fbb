#pragma once

#include <string>
#include <vector>

namespace seriesctl::series {

/// A plain text table: left-aligned columns two spaces apart. A cell may
/// carry a colour (ANSI) that does not count towards its width.
class Table {
public:
    explicit Table(std::vector<std::string> headers);
    void add(std::vector<std::string> cells);
    std::string render() const;
    bool empty() const { return rows_.empty(); }

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

/// Width of text on a terminal: UTF-8 code points, ANSI colour codes skipped.
size_t display_width(const std::string& text);

/// At most `width` characters on screen (UTF-8 code points, not bytes),
/// with "…" when cut.
std::string cut_to_width(const std::string& text, size_t width);

}  // namespace seriesctl::series
