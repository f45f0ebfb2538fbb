#include <gtest/gtest.h>

#include "hw/boot_check.h"

using namespace seriesctl;
using namespace seriesctl::hw;

namespace {
const std::string before = "8b38689d-5ad7-4890-bd16-c88f9f14f6f8";
const std::string after = "0f6d1c2e-1b7a-4c1d-9a55-3e2f4b6a7c8d";
}  // namespace

TEST(BootCheck, ParsesTheProbeAfterABanner) {
    auto probe = parse_boot_probe({"Welcome to Arch Linux ARM", before, "7.0.0-danctnix1-4-besser"});
    ASSERT_TRUE(probe);
    EXPECT_EQ(probe->boot_id, before);
    EXPECT_EQ(probe->release, "7.0.0-danctnix1-4-besser");
    EXPECT_FALSE(parse_boot_probe({before}));
    EXPECT_FALSE(parse_boot_probe({"cat: /proc/sys/kernel/random/boot_id: No such file", "6.12.0"}));
}

TEST(BootCheck, JudgesTheBootAgainstTheOneBefore) {
    EXPECT_EQ(judge_boot(before, {before, "7.0.0-4"}, "7.0.0-4"), BootState::same_boot);
    EXPECT_EQ(judge_boot(before, {after, "7.0.0-4"}, "7.0.0-4"), BootState::back);
    EXPECT_EQ(judge_boot(before, {after, "7.0.0-3"}, "7.0.0-4"), BootState::wrong_kernel);
}
