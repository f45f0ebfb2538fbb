// libFuzzer: the series YAML reader. What reads must render, and what it
// renders must read back to the same text (the canonical form is a fixed
// point): a file seriesctl writes is one it can read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "series/series_yaml.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    seriesctl::series::Series series;
    try {
        series = seriesctl::series::parse_series(text, "series/fuzz.yaml");
    } catch (const seriesctl::util::Error&) {
        return 0;
    }
    std::string rendered = seriesctl::series::render_series(series);
    std::string again = seriesctl::series::render_series(seriesctl::series::parse_series(rendered, "series/fuzz.yaml"));
    if (again != rendered) __builtin_trap();
    return 0;
}
