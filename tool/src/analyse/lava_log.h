#pragma once

#include <string>
#include <vector>

namespace seriesctl::analyse {

/// One result a LAVA job reported: its own actions (definition "lava") or a
/// test case a monitor matched on the console.
struct LavaResult {
    std::string definition, test_case, result;
};

/// A LAVA job's log as `lava-run` writes it on stderr, or `lavacli jobs
/// logs --raw` prints it: one YAML flow mapping per line ({dt, lvl, msg}),
/// "- " before each for lavacli.
struct LavaLog {
    std::string console;  ///< the device's serial console (lvl "target" and "feedback"), one line each
    std::vector<LavaResult> results;
    std::string job_result;                ///< "pass" or "fail" ("lava"/"job"); "" when the job never said
    std::string error;                     ///< "Infrastructure: Connection closed", when it failed
    std::vector<std::string> other_lines;  ///< lines that are not records (a dispatcher's traceback)

    /// The result of `definition`.`test_case`; "" when not reported.
    std::string result_of(const std::string& definition, const std::string& test_case) const;
};

/// Reads a log; a line that starts a record but is not one throws Error
/// naming `where` and the line number.
LavaLog parse_lava_log(const std::string& text, const std::string& where);

}  // namespace seriesctl::analyse
