#include <gtest/gtest.h>

#include "config/tree_config.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::config;

namespace {

std::string error_of(const std::string& text) {
    try {
        parse_tree_config(text, "trees.yaml");
    } catch (const util::Error& e) {
        return e.what();
    }
    return "";
}

const std::string remote = "trees:\n  next:\n    kind: remote\n    url: https://example.org/next.git\n    branch: master\n";

}  // namespace

TEST(TreeConfig, SyncAgeDefaultsToSixHours) {
    TreeConfig config = parse_tree_config(remote, "trees.yaml");
    EXPECT_EQ(config.at("next").sync_age_seconds, 6 * 3600);
}

TEST(TreeConfig, SyncAgeTakesAUnit) {
    EXPECT_EQ(parse_tree_config(remote + "    sync-age: 30m\n", "trees.yaml").at("next").sync_age_seconds, 1800);
    EXPECT_EQ(parse_tree_config(remote + "    sync-age: 2d\n", "trees.yaml").at("next").sync_age_seconds, 172800);
    EXPECT_EQ(parse_tree_config(remote + "    sync-age: 0\n", "trees.yaml").at("next").sync_age_seconds, 0);
    EXPECT_EQ(parse_age("90s"), 90);
    EXPECT_EQ(parse_age("6"), std::nullopt) << "a bare number could be hours or seconds";
    EXPECT_EQ(parse_age("-1h"), std::nullopt);
}

TEST(TreeConfig, SyncAgeErrorsNameTheField) {
    EXPECT_EQ(error_of(remote + "    sync-age: soon\n"),
              "trees.yaml:6:15: trees.next.sync-age: 'soon' is not an age (90s, 30m, 6h, 2d, 0)");
    EXPECT_EQ(error_of("trees:\n  deb:\n    kind: tarball\n    tarball: /x.tar.xz\n    version: '1'\n    sync-age: 1h\n"),
              "trees.yaml:6:15: trees.deb.sync-age: a tarball tree is not synced: it changes when its package does");
}
