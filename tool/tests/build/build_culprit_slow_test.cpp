// `build` and `check` on a small series of our own against the real Linux
// 6.12 tree: patch 2 breaks the build and patch 3 fixes it; patch 1 has a
// checkpatch finding at a known line.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "git/handle.h"
#include "support/git_fixture.h"
#include "support/kernel_cache.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "support/source_paths.h"

namespace fs = std::filesystem;
using namespace seriesctl;

namespace {

git::Library libgit2;
const std::string core_c = "drivers/media/common/videobuf2/videobuf2-core.c";

proc::ProcessResult run_tool(const fs::path& root, const fs::path& cache, const std::vector<std::string>& args) {
    proc::Command command{{test::seriesctl_binary(), "--root", root.string()}};
    command.argv.insert(command.argv.end(), args.begin(), args.end());
    command.env = {{"XDG_CACHE_HOME", cache.string()}, {"NO_COLOR", "1"}};
    return run_command(command);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("no '" + from + "'");
    return text.replace(at, from.size(), to);
}

int line_of(const std::string& text, const std::string& needle) {
    auto at = text.find(needle);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

struct DemoSeries {
    test::TempDir dir;
    fs::path cache = test::borrow_kernel_cache(dir / "home");
    fs::path root;
    std::string base;
    int finding_line = 0;

    DemoSeries() {
        root = test::copy_project(dir / "project");
        fs::remove_all(root / "series");
        fs::remove_all(root / "kernel");
        fs::create_directories(root / "series");
        proc::ProcessResult imported = run_tool(root.string(), cache, {"--json", "tree", "import", "debian-6.12"});
        if (imported.exit_code != 0) throw std::runtime_error(imported.err);
        base = nlohmann::json::parse(imported.out)["commit"];

        fs::path store = cache / "seriesctl" / "store.git";
        test::run_ok(proc::Command{
            {"git", "clone", "-q", "--shared", "--no-checkout", store.string(), (dir / "linux").string()}});
        test::GitRepo repo(dir / "linux");
        repo.git({"checkout", "-q", "--detach", base});
        std::string original = util::read_file(dir / "linux" / core_c);
        std::string with_x = replaced(original, "static int debug;\n", "static int debug;\nint seriesctl_demo ;\n");
        finding_line = line_of(with_x, "int seriesctl_demo ;");
        repo.write(core_c, with_x);
        repo.commit("media: videobuf2: add a demo variable\n\nSigned-off-by: Ada Tester <ada@example.org>");
        repo.write(core_c, replaced(with_x, "static int debug;", "static int debug = seriesctl_undeclared;"));
        repo.commit("media: videobuf2: break the build\n\nSigned-off-by: Ada Tester <ada@example.org>");
        repo.write(core_c, with_x);
        repo.commit("media: videobuf2: fix the build\n\nSigned-off-by: Ada Tester <ada@example.org>");
        repo.format_patch("HEAD~3", root / "kernel" / "demo" / "v1");

        test::write(root / "kernel" / "demo" / "configs" / "media.config",
                    util::read_file(fs::path(test::source_dir()) / "kernel" / "vb2-release-fence" / "configs" /
                              "fence-off.config"));
        test::write(root / "kernel" / "demo" / "configs" / "build.yaml", "fragments: [media]\narches: [x86_64]\n");
        test::write(root / "series" / "demo.yaml",
                    "schema: 1\nname: demo\ntitle: a demo\nprefix: PATCH\n"
                    "change-id: 20260501-demo-0123456789ab\nfrom: Ada Tester <ada@example.org>\n"
                    "tree: debian-6.12\nrequired-gates:\n  - checkpatch\n  - build-x86_64\n"
                    "versions:\n  - version: v1\n    state: draft\n    patches: kernel/demo/v1\n"
                    "    base:\n      tree: debian-6.12\n      commit: " + base + "\n");
    }
};

}  // namespace

TEST(BuildCulprit, NamesThePatchThatBreaksTheBuildAndTheOneThatFixesIt) {
    DemoSeries demo;
    proc::ProcessResult build = run_tool(demo.root, demo.cache, {"--json", "build"});
    ASSERT_EQ(build.exit_code, 1) << build.out << build.err;
    auto report = nlohmann::json::parse(build.out);
    ASSERT_EQ(report["cells"].size(), 4u);
    EXPECT_TRUE(report["cells"][0]["ok"]);
    EXPECT_TRUE(report["cells"][1]["ok"]);
    EXPECT_FALSE(report["cells"][2]["ok"]);
    EXPECT_TRUE(report["cells"][3]["ok"]) << "patch 3 fixes it";
    ASSERT_FALSE(report["cells"][2]["errors"].empty());
    EXPECT_EQ(report["cells"][2]["errors"][0]["file"], core_c);
    EXPECT_NE(report["cells"][2]["errors"][0]["message"].get<std::string>().find("seriesctl_undeclared"),
              std::string::npos);
    EXPECT_EQ(report["gates"]["build-x86_64"], "failed");

    proc::ProcessResult human = run_tool(demo.root, demo.cache, {"build"});
    EXPECT_EQ(human.exit_code, 1);
    EXPECT_NE(human.out.find("patch 2 (media: videobuf2: break the build) on x86_64/media:\n  " + core_c),
              std::string::npos)
        << human.out;
}

TEST(BuildCulprit, CheckpatchFindingIsParsedToItsLineAndEditsMakeGatesStale) {
    DemoSeries demo;
    proc::ProcessResult check = run_tool(demo.root, demo.cache, {"--json", "check"});
    EXPECT_EQ(check.exit_code, 1) << check.err;
    auto report = nlohmann::json::parse(check.out);
    bool found = false;
    for (const auto& f : report["findings"])
        if (f["patch"] == 1 && f["type"] == "SPACING") {
            found = true;
            EXPECT_EQ(f["file"], core_c);
            EXPECT_EQ(f["line"], demo.finding_line);
            EXPECT_EQ(f["level"], "WARNING");
        }
    EXPECT_TRUE(found) << check.out;

    auto gate_state = [&](const std::string& gate) {
        proc::ProcessResult status = run_tool(demo.root, demo.cache, {"--json", "status"});
        auto report = nlohmann::json::parse(status.out);  // kept alive for the loop
        for (const auto& g : report["gates"])
            if (g["name"] == gate) return g["state"].get<std::string>();
        return std::string("?");
    };
    EXPECT_EQ(gate_state("checkpatch"), "failed");
    // Rewording patch 3's message changes its text (checkpatch's binding)...
    fs::path third;
    for (const auto& entry : fs::directory_iterator(demo.root / "kernel" / "demo" / "v1"))
        if (entry.path().filename().string().rfind("0003-", 0) == 0) third = entry.path();
    util::write_file_atomically(third, replaced(util::read_file(third), "Signed-off-by", "Reworded.\n\nSigned-off-by"));
    EXPECT_EQ(gate_state("checkpatch"), "stale");
}
