#include "validate/lava_farm.h"

#include <gtest/gtest.h>

#include "hw/host_config.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::validate;

namespace {

const char* const farm_yaml =
    "lava:\n"
    "  identity: lab\n"
    "  publish: /srv/lava/files\n"
    "  url: https://files.example.org/lava/\n"
    "  polling: 5\n";

std::string error_of(const std::string& text) {
    try {
        parse_lava_farm(text, "hosts.yaml");
    } catch (const util::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(LavaFarm, ReadsTheEntryOfHostsYaml) {
    auto farm = parse_lava_farm(farm_yaml, "hosts.yaml");
    ASSERT_TRUE(farm);
    EXPECT_EQ(farm->identity, "lab");
    EXPECT_EQ(farm->publish, "/srv/lava/files");
    EXPECT_EQ(farm->url, "https://files.example.org/lava");
    EXPECT_EQ(farm->polling, 5);
    EXPECT_EQ(farm->wait, 3600);
    EXPECT_FALSE(parse_lava_farm("hosts: {}\n", "hosts.yaml"));
}

TEST(LavaFarm, ErrorsNameTheField) {
    EXPECT_NE(error_of("lava:\n  identity: lab\n  publish: files\n  url: https://x/\n").find("lava.publish"),
              std::string::npos);
    EXPECT_NE(error_of("lava:\n  identity: lab\n  publish: /srv\n  url: files\n").find("lava.url"), std::string::npos);
    EXPECT_NE(error_of("lava:\n  publish: /srv\n  url: https://x/\n").find("lava.identity"), std::string::npos);
    EXPECT_NE(error_of(std::string(farm_yaml) + "  queue: 3\n").find("lava.queue"), std::string::npos);
}

TEST(LavaFarm, TheUsersEntryReplacesTheProjectsAndHostsYamlKeepsWorking) {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "project");
    std::filesystem::create_directories(dir / "user");
    util::write_file_atomically(dir / "project" / "hosts.yaml", std::string(farm_yaml) + "hosts: {}\n");
    util::write_file_atomically(dir / "user" / "hosts.yaml",
                                "lava:\n  identity: mine\n  publish: /mnt/lava\n  url: file:///mnt/lava\n");
    auto farm = load_lava_farm(dir / "project", dir / "user");
    ASSERT_TRUE(farm);
    EXPECT_EQ(farm->identity, "mine");
    EXPECT_EQ(farm->polling, 10) << "replaced whole, not field by field";
    EXPECT_TRUE(hw::load_host_config(dir / "project", dir / "user").empty());
}
