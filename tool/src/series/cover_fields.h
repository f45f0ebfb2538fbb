#pragma once

#include <string>

#include "series/series.h"

namespace seriesctl::series {

/// The free-text fields of a cover (subject, body, questions) as a small
/// YAML document for `cover --edit` to hand to $EDITOR, and back.
std::string cover_fields_yaml(const Cover& cover);

/// Reads an edited document; anything wrong (YAML syntax, an unknown key,
/// an empty or multi-line subject) is an Error naming `file`, line and field.
Cover parse_cover_fields(const std::string& text, const std::string& file);

}  // namespace seriesctl::series
