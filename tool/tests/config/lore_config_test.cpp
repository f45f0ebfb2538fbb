#include <gtest/gtest.h>

#include "config/lore_config.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::config;

TEST(LoreConfig, ErrorsNameFileLineAndField) {
    auto error_of = [](const std::string& text) {
        try {
            parse_lore_config(text, "lore.yaml");
        } catch (const util::Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_EQ(error_of("url: ftp://x\n"), "lore.yaml:1:6: url: 'ftp://x' is not an http(s) URL");
    EXPECT_EQ(error_of("inbox: all\npoll-intervall: 5\n"), "lore.yaml:2:1: poll-intervall: unknown field");
    EXPECT_EQ(error_of("timeouts:\n  total: 0\n"), "lore.yaml:2:10: timeouts.total: must be more than 0");
}
