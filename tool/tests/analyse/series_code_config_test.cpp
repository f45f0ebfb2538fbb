#include "analyse/series_code_config.h"

#include <gtest/gtest.h>

#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::analyse;

TEST(SeriesCodeConfig, ReadsPrefixesAndWordsAndRefusesNothingOrUnknownKeys) {
    SeriesCode code = parse_series_code("prefixes: [vb2_]\ncontains: [videobuf]\n", "series-code.yaml");
    EXPECT_EQ(code.prefixes, std::vector<std::string>{"vb2_"});
    EXPECT_EQ(code.contains, std::vector<std::string>{"videobuf"});
    EXPECT_THROW(parse_series_code("prefixes: []\n", "series-code.yaml"), util::Error);
    EXPECT_THROW(parse_series_code("prefixes: [a]\nbogus: 1\n", "series-code.yaml"), util::Error);
}
