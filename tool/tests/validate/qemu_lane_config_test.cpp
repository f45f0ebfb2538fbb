#include "validate/qemu_lane_config.h"

#include <gtest/gtest.h>

#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::validate;

TEST(QemuLaneConfig, ReadsTheLane) {
    auto config = parse_qemu_lane_config("fragment: tiny\n"
                                         "probe:\n  jobs: 10\n  slow-jobs: 2\nboot-timeout: 60\n",
                                         "qemu.yaml");
    EXPECT_EQ(config.fragment, "tiny");
    EXPECT_EQ(config.probe_jobs, 10);
    EXPECT_EQ(config.probe_slow_jobs, 2);
    EXPECT_EQ(config.probe_slow_ms, 300);
    EXPECT_EQ(config.boot_timeout, 60);
}

TEST(QemuLaneConfig, BadInputNamesTheFileAndField) {
    try {
        parse_qemu_lane_config("probe:\n  jobs: 1\n  slow-jobs: 3\n", "q.yaml");
        FAIL();
    } catch (const util::Error& e) {
        EXPECT_NE(std::string(e.what()).find("q.yaml"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("slow-jobs"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parse_qemu_lane_config("fragment: x\nbogus: 1\n", "q.yaml"), util::Error);
    EXPECT_THROW(parse_qemu_lane_config("series-code: {prefixes: [a]}\n", "q.yaml"), util::Error)
        << "the series' code lives in series-code.yaml";
}
