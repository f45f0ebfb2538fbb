#include <gtest/gtest.h>

#include "repo/series_file.h"
#include "series/series_yaml.h"
#include "support/source_paths.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::repo;

namespace {
const std::filesystem::path shipped = std::filesystem::path(test::source_dir()) / "series" / "vb2-release-fence.yaml";
}

// The shipped file is in canonical form: loading and saving it changes no byte.
TEST(ShippedSeries, RoundTripsByteForByte) {
    std::string text = util::read_file(shipped);
    EXPECT_EQ(series::render_series(series::parse_series(text, shipped.string())), text);
}

TEST(ShippedSeries, HoldsV1AsSentAndV2AsDraft) {
    series::Series series = load_series_file(shipped);
    const series::Version& v1 = series.version("v1");
    EXPECT_EQ(v1.state, series::VersionState::sent);
    EXPECT_EQ(v1.sent->cover, "20260429195306.239666-1-mfritsche@reauktion.de");
    ASSERT_EQ(v1.reviews.size(), 2u);
    EXPECT_EQ(v1.reviews[0].author, "Nicolas Dufresne <nicolas.dufresne@collabora.com>");
    EXPECT_EQ(v1.reviews[1].author, "Christian König <christian.koenig@amd.com>");
    EXPECT_TRUE(v1.reviews[0].message_id.empty()) << "imported from prose: no message-id is invented";
    const series::Version& v2 = series.version("v2");
    EXPECT_EQ(v2.state, series::VersionState::draft);
    for (const auto& entry : v2.changelog)
        if (!entry.answers.empty()) {
            EXPECT_NE(series.find_review(entry.answers), nullptr);
        }
    bool sima = false;
    for (const auto& cc : v2.cc) sima = sima || cc == "Simona Vetter <simona@ffwll.ch>";
    EXPECT_TRUE(sima) << "Sima Vetter's address as MAINTAINERS has it";
}
