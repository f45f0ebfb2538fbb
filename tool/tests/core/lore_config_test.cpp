#include <gtest/gtest.h>

#include "core/lore_config.h"
#include "support/source_paths.h"
#include "support/temp_dir.h"
#include "util/error.h"

using namespace seriesctl;

TEST(LoreConfig, TheShippedFileReadsAndUserFieldsWin) {
    test::TempDir home;
    test::write(home / "lore.yaml", "url: http://127.0.0.1:9999/\ntimeouts:\n  connect: 2\n");
    LoreConfig config = load_lore_config(std::filesystem::path(test::source_dir()) / "config", home.path());
    EXPECT_EQ(config.archive(), "http://127.0.0.1:9999/all") << "a trailing slash is dropped";
    EXPECT_EQ(config.connect_timeout, 2);
    EXPECT_EQ(config.timeout, 60) << "fields the user leaves out keep the shipped value";
    EXPECT_EQ(config.poll_interval, 600);
}

TEST(LoreConfig, ErrorsNameFileLineAndField) {
    auto error_of = [](const std::string& text) {
        try {
            parse_lore_config(text, "lore.yaml");
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_EQ(error_of("url: ftp://x\n"), "lore.yaml:1:6: url: 'ftp://x' is not an http(s) URL");
    EXPECT_EQ(error_of("inbox: all\npoll-intervall: 5\n"), "lore.yaml:2:1: poll-intervall: unknown field");
    EXPECT_EQ(error_of("timeouts:\n  total: 0\n"), "lore.yaml:2:10: timeouts.total: must be more than 0");
}
