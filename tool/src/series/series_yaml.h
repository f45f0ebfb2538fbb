#pragma once

#include <string>

#include "series/series.h"

namespace seriesctl::series {

/// Parses and validates a series file's text. Every problem is an Error
/// "<file>:<line>:<col>: <field>: <what>".
Series parse_series(const std::string& text, const std::string& file);

/// The canonical text of a series: fixed key order, empty fields left out,
/// multi-line text as literal blocks. parse → render gives back the same
/// bytes for a file in canonical form. Comments are not kept (yaml-cpp
/// drops them); SCHEMA.md says so.
std::string render_series(const Series& series);

}  // namespace seriesctl::series
