#pragma once

#include <stdexcept>
#include <string>

namespace seriesctl::util {

/// The one error type: its message is what the user reads after
/// "seriesctl: ", so it names the file, place or command that went wrong.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// Exit statuses shared by every verb.
enum ExitStatus : int {
    exit_ok = 0,        ///< ran, nothing to report
    exit_findings = 1,  ///< ran, found problems (findings, open gates, news)
    exit_error = 2,     ///< could not run: bad input, missing tool, I/O
};

}  // namespace seriesctl::util
