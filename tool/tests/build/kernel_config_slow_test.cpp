// Configuring a build directory on the real Linux 6.12 tree: allnoconfig +
// the series' fragment, the Kconfig dependencies added until every fragment
// symbol keeps its value (never against a value the fragment sets); a symbol
// whose dependency cannot be met is still an error, and a kept
// configuration is reused.
#include <gtest/gtest.h>

#include "build/kconfig_fragment.h"
#include "build/kernel_config.h"
#include "support/project_copy.h"
#include "support/source_paths.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace seriesctl;
using namespace seriesctl::build;

namespace {

const fs::path fragments = fs::path(test::source_dir()) / "kernel" / "vb2-release-fence" / "configs";

KernelMake x86_make(const fs::path& output) {
    fs::path source = test::shared_cache_home() / "seriesctl" / "trees" / "debian-6.12";
    if (!fs::exists(source / "MAINTAINERS")) throw std::runtime_error("no debian-6.12 work tree: run tool/setup");
    return KernelMake{source, output, BuildArch{"x86_64", "x86_64", "", "allnoconfig"}, false, 2};
}

}  // namespace

TEST(KernelConfig, AllnoconfigPlusTheFragmentAndWhatItDependsOn) {
    test::TempDir dir;
    KernelMake make = x86_make(dir / "out");
    KernelConfig made = configure_kernel(make, fragments / "fence-off.config", "stamp-1", dir / "kept");
    EXPECT_FALSE(made.kept);
    KconfigValues config = parse_kconfig(util::read_file(dir / "out" / ".config"));
    for (const auto& [symbol, value] : parse_kconfig(util::read_file(fragments / "fence-off.config")))
        EXPECT_EQ(config.count(symbol) ? config[symbol] : "n", value) << symbol;
    EXPECT_EQ(config["CONFIG_MODULES"], "y") << "the fragment's modules need module support";
    EXPECT_NE(std::find(made.added.begin(), made.added.end(), "CONFIG_MODULES"), made.added.end()) << "reported";
    EXPECT_TRUE(!config.count("CONFIG_SOUND") || config["CONFIG_SOUND"] == "n")
        << "not a defconfig: what the fragment does not need stays off";

    // Another configuration in the same directory, then the first again:
    // taken from the kept result, nothing made.
    util::write_file_atomically(dir / "other.config", "CONFIG_COMPILE_TEST=y\n");
    configure_kernel(make, dir / "other.config", "stamp-2", dir / "kept");
    KernelConfig again = configure_kernel(make, fragments / "fence-off.config", "stamp-1", dir / "kept");
    EXPECT_TRUE(again.kept);
    EXPECT_EQ(util::read_file(dir / "out" / ".config"), util::read_file(dir / "kept" / "stamp-1.config"));
}

TEST(KernelConfig, DependenciesAreAddedButNeverAgainstTheFragment) {
    test::TempDir dir;
    KernelMake make = x86_make(dir / "out");
    // The Rockchip RGA driver alone: what it depends on is added from the
    // tree's Kconfig (on x86_64, ARCH_ROCKCHIP || COMPILE_TEST is met by
    // COMPILE_TEST, the first of them x86_64 has).
    util::write_file_atomically(dir / "rga.config", "CONFIG_MEDIA_SUPPORT=m\nCONFIG_VIDEO_ROCKCHIP_RGA=m\n");
    KernelConfig made = configure_kernel(make, dir / "rga.config", "stamp-1", dir / "kept");
    EXPECT_EQ(parse_kconfig(util::read_file(dir / "out" / ".config"))["CONFIG_VIDEO_ROCKCHIP_RGA"], "m");
    for (const char* symbol : {"CONFIG_V4L_MEM2MEM_DRIVERS", "CONFIG_VIDEO_DEV", "CONFIG_COMPILE_TEST"})
        EXPECT_NE(std::find(made.added.begin(), made.added.end(), symbol), made.added.end()) << symbol;

    // With COMPILE_TEST off in the fragment itself, the dependency cannot be
    // met: olddefconfig drops the driver, and that must fail.
    util::write_file_atomically(dir / "no-test.config", "# CONFIG_COMPILE_TEST is not set\nCONFIG_MEDIA_SUPPORT=m\n"
                                                  "CONFIG_VIDEO_ROCKCHIP_RGA=m\n");
    try {
        configure_kernel(make, dir / "no-test.config", "stamp-2", dir / "kept");
        FAIL() << "no error";
    } catch (const util::Error& e) {
        EXPECT_NE(std::string(e.what()).find("CONFIG_VIDEO_ROCKCHIP_RGA=n but no-test.config wants m"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_FALSE(fs::exists(dir / "kept" / "stamp-2.config")) << "a failed configuration is not kept";
}

TEST(KernelConfig, ASymbolNoKconfigDefinesYetIsReportedNotFailed) {
    test::TempDir dir;
    util::write_file_atomically(dir / "new.config", "CONFIG_COMPILE_TEST=y\nCONFIG_SERIESCTL_NOT_YET=y\n");
    KernelConfig made = configure_kernel(x86_make(dir / "out"), dir / "new.config", "stamp", dir / "kept");
    EXPECT_EQ(made.not_in_tree, std::vector<std::string>{"CONFIG_SERIESCTL_NOT_YET"});
}
