#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seriesctl::patch {

/// A file's text the way a patch sees it: lines without their '\n', and
/// whether the last line had one.
struct TextFile {
    std::vector<std::string> lines;
    bool final_newline = true;

    static TextFile parse(std::string_view text);
    std::string render() const;
};

}  // namespace seriesctl::patch
