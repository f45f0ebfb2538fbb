#include <gtest/gtest.h>

#include "patch/diffstat.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "support/source_paths.h"

using namespace seriesctl;
using namespace seriesctl::patch;

namespace {

std::vector<PatchFile> shipped(const std::string& version) {
    repo::Project project(test::source_dir());
    series::Series series = repo::load_series_file(project.series_file("vb2-release-fence"));
    return repo::load_version_patches(project, series.version(version));
}

}  // namespace

// git format-patch wrote each shipped patch's diffstat: ours must be the same
// text, long paths cut and graphs scaled as git does at 72 columns.
TEST(Diffstat, EqualsWhatGitFormatPatchWroteForEachShippedPatch) {
    for (const std::string version : {"v1", "v2"})
        for (const auto& patch : shipped(version)) EXPECT_EQ(diffstat({patch}), patch.diffstat + "\n") << patch.name;
}

TEST(Diffstat, AddsUpEveryPatchOfTheSeries) {
    std::string stat = diffstat(shipped("v2"));
    EXPECT_NE(stat.find(" drivers/media/platform/rockchip/rga/rga.c "), std::string::npos) << stat;
    EXPECT_NE(stat.find("\n 5 files changed, 329 insertions(+), 11 deletions(-)\n"), std::string::npos) << stat;
}

TEST(Shortlog, GroupsSummariesUnderTheirAuthor) {
    auto patches = shipped("v2");
    std::string log = shortlog(patches);
    EXPECT_TRUE(log.starts_with("Markus Fritsche (3):\n      " + patches[0].summary + "\n")) << log;
    EXPECT_TRUE(log.ends_with("      " + patches[2].summary + "\n")) << log;
}
