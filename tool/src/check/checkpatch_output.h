#pragma once

#include <string>
#include <vector>

#include "check/finding.h"

namespace seriesctl::check {

/// Parses `checkpatch.pl --strict --show-types --no-summary --color=never`
/// output for one patch (the verbose form: unlike --terse it keeps the line
/// in the patch file and does not pin message-level findings on the last
/// file). Each "LEVEL:TYPE: message" block becomes a Finding; a following
/// "#N: FILE: path:line:" line gives its place.
std::vector<Finding> parse_checkpatch_output(const std::string& output, int patch);

}  // namespace seriesctl::check
