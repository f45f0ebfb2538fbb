#include <gtest/gtest.h>

#include "series/kernel_release.h"

using namespace seriesctl;
using namespace seriesctl::series;

TEST(KernelRelease, ReadsTheTopMakefileOfAStableTree) {
    auto release = release_of_makefile(
        "# SPDX-License-Identifier: GPL-2.0\nVERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 118\nEXTRAVERSION =\n"
        "NAME = Baby Opossum Posse\n\n# *DOCUMENTATION*\nVERSION = 7\n");
    ASSERT_TRUE(release);
    EXPECT_EQ(release->tag(), "v6.12.118");
}

TEST(KernelRelease, MainlineReleasesAndReleaseCandidatesAreNamedAsUpstreamTagsThem) {
    EXPECT_EQ(release_of_makefile("VERSION = 6\nPATCHLEVEL = 13\nSUBLEVEL = 0\nEXTRAVERSION = -rc2\n")->tag(),
              "v6.13-rc2");
    EXPECT_EQ(release_of_makefile("VERSION = 6\nPATCHLEVEL = 13\nSUBLEVEL = 0\nEXTRAVERSION =\n")->tag(), "v6.13");
    EXPECT_FALSE(release_of_makefile("all:\n\techo VERSION\n"));
    EXPECT_FALSE(release_of_makefile("VERSION = 6\nPATCHLEVEL = 13\nSUBLEVEL = 0\nEXTRAVERSION = -debian\n"))
        << "a release upstream never tagged is not named as one";
}

TEST(KernelRelease, OrdersStableReleasesCandidatesAndNextReleases) {
    auto at = [](const char* tag) { return *parse_release_tag(tag); };
    EXPECT_LT(at("v6.12.117"), at("v6.12.118"));
    EXPECT_LT(at("v6.12.9"), at("v6.12.10")) << "numbers, not text";
    EXPECT_LT(at("v6.13-rc1"), at("v6.13-rc2"));
    EXPECT_LT(at("v6.13-rc7"), at("v6.13"));
    EXPECT_LT(at("v6.12.118"), at("v6.13-rc1"));
    EXPECT_EQ(at("v6.12.117"), at("v6.12.117"));
}

TEST(KernelRelease, RejectsWhatIsNoUpstreamTag) {
    for (const char* bad : {"6.12.117", "v6", "v6.12.117-rc1", "v6.12.0", "v6.12.117-1~deb12u1", "v6.12.x", ""})
        EXPECT_FALSE(parse_release_tag(bad)) << bad;
}
