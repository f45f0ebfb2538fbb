#include "analyse/series_code_config.h"

#include "series/yaml_fields.h"

namespace seriesctl::analyse {

SeriesCode parse_series_code(const std::string& text, const std::string& file) {
    series::YamlFields at(series::parse_yaml(text, file), "", file);
    SeriesCode code;
    code.prefixes = at.texts("prefixes");
    code.contains = at.texts("contains");
    at.finish();
    if (code.prefixes.empty() && code.contains.empty())
        at.fail("prefixes", "name the series' code (prefixes or contains), or no kernel report can be placed");
    return code;
}

}  // namespace seriesctl::analyse
