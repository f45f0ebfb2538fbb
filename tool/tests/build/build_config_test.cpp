#include <gtest/gtest.h>

#include "build/build_config.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::build;

namespace {

patch::PatchFile touching(const std::vector<std::string>& paths) {
    patch::PatchFile patch;
    for (const auto& path : paths) {
        patch::FileDiff file;
        file.old_path = file.new_path = path;
        patch.files.push_back(file);
    }
    return patch;
}

}  // namespace

TEST(BuildTargets, SourcesHeadersAndExtras) {
    std::map<std::string, std::vector<std::string>> dirs = {
        {"drivers/media/platform/rga", {"drivers/media/platform/rga/rga.c", "drivers/media/platform/rga/rga-hw.c"}},
        {"drivers/media/common/videobuf2", {"drivers/media/common/videobuf2/videobuf2-core.c",
                                            "drivers/media/common/videobuf2/videobuf2-v4l2.c"}}};
    std::map<std::string, std::string> files = {
        {"drivers/media/platform/rga/rga.c", "#include \"rga.h\"\n#include <media/videobuf2-core.h>\n"},
        {"drivers/media/platform/rga/rga-hw.c", "#include \"rga-hw.h\"\n"},
        {"drivers/media/common/videobuf2/videobuf2-core.c", "#include <media/videobuf2-core.h>\n"},
        {"drivers/media/common/videobuf2/videobuf2-v4l2.c", "  #  include <media/videobuf2-core.h> // yes\n"}};
    auto targets = build_targets(
        {touching({"drivers/media/common/videobuf2/videobuf2-core.c", "include/media/videobuf2-core.h"}),
         touching({"drivers/media/platform/rga/rga.h"})},
        {"drivers/extra/x.o"}, [&](const std::string& dir) { return dirs[dir]; },
        [&](const std::string& path) { return files[path]; });
    EXPECT_EQ(targets, (std::vector<std::string>{"drivers/media/common/videobuf2/videobuf2-core.o",
                                                 "drivers/media/platform/rga/rga.o",
                                                 "drivers/media/common/videobuf2/videobuf2-v4l2.o",
                                                 "drivers/extra/x.o"}));
}

TEST(BuildConfig, ReadsArchesAndSeriesPlansWithClearErrors) {
    auto arches = parse_build_arches("arches:\n  arm64:\n    arch: arm64\n    cross-compile: aarch64-linux-gnu-\n", "b.yaml");
    EXPECT_EQ(arches.at("arm64").cross_compile, "aarch64-linux-gnu-");
    EXPECT_EQ(arches.at("arm64").defconfig, "defconfig");
    auto plan = parse_series_build("fragments: [on, off]\ntargets: [a/b.o]\n", "s.yaml");
    EXPECT_EQ(plan.fragments.size(), 2u);
    try {
        parse_series_build("fragments: [on]\ntargets: [a/b.c]\n", "s.yaml");
        FAIL();
    } catch (const util::Error& e) {
        EXPECT_EQ(std::string(e.what()), "s.yaml:2:10: targets: 'a/b.c' is not an object path (x/y.o)");
    }
    EXPECT_THROW(parse_series_build("targets: [a/b.o]\n", "s.yaml"), util::Error);
}
