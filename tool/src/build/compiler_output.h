#pragma once

#include <string>
#include <vector>

namespace seriesctl::build {

/// One gcc/sparse diagnostic: "file:line:col: warning: text [-Wflag]".
struct Diagnostic {
    std::string file;  ///< relative to the source tree
    int line = 0;
    std::string kind;     ///< "error" or "warning"
    std::string message;  ///< with its [-Wflag]

    /// Identity across patches: line numbers move when code is added above.
    std::string key() const { return file + ": " + kind + ": " + message; }
};

/// The errors and warnings in make/gcc output; `source_dir` (with a
/// trailing slash) is cut from absolute paths.
std::vector<Diagnostic> parse_compiler_output(const std::string& output, const std::string& source_dir);

/// Diagnostics in `after` beyond those already in `before` (by key, counted):
/// what a patch introduced.
std::vector<Diagnostic> new_diagnostics(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after);

}  // namespace seriesctl::build
