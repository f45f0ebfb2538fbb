#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "patch/apply_report.h"
#include "series/status_report.h"

namespace seriesctl::cli {

/// `rebase --onto`: one row per patch, then every hunk that did not go on
/// clean, with the lines that did not match for a conflict.
std::string render_tree_text(const std::string& version, const patch::TreeReport& report, const series::Painter& paint);

/// `rebase --check`: tree × patch, then the hunks behind every cell that is
/// not clean.
std::string render_check_text(const patch::RebaseCheckReport& check, const series::Painter& paint);

nlohmann::json tree_json(const patch::TreeReport& report);
nlohmann::json check_json(const patch::RebaseCheckReport& check);

}  // namespace seriesctl::cli
