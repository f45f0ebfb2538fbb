#pragma once

#include <string>
#include <vector>

namespace seriesctl::check {

/// One problem `check` found: from checkpatch or from a series lint.
struct Finding {
    int patch = 0;       ///< 1-based; 0 = the series as a whole
    std::string source;  ///< "checkpatch" or "lint"
    std::string level;   ///< ERROR, WARNING, CHECK
    std::string type;    ///< checkpatch's type (SPACING) or the lint's name
    std::string message;
    std::string file;    ///< source file the line is in; empty for the message
    int line = 0;        ///< line in that file (new side); 0 when none
    int patch_line = 0;  ///< line in the patch file; 0 when none
};

}  // namespace seriesctl::check
