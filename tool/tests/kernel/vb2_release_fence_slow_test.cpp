// The shipped series on the real Linux 6.12 tree: each version applies with
// `git am`, its files are exactly `git format-patch` output of the commits,
// and `seriesctl check` and `seriesctl build` pass (checkpatch --strict
// clean; every patch compiles on x86_64 and arm64 with the release-fence
// Kconfig on and off, W=1, no new warnings).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "git/diff_parser.h"
#include "git/handle.h"
#include "patch/patch.h"
#include "support/git_fixture.h"
#include "support/kernel_cache.h"
#include "support/project_copy.h"
#include "support/source_paths.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

namespace fs = std::filesystem;
using namespace seriesctl;

namespace {

git::Library libgit2;
const fs::path series_dir = fs::path(test::source_dir()) / "kernel" / "vb2-release-fence";

proc::ProcessResult run_tool(const fs::path& root, const fs::path& cache, const std::vector<std::string>& args) {
    proc::Command command{{test::seriesctl_binary(), "--root", root.string()}};
    command.argv.insert(command.argv.end(), args.begin(), args.end());
    command.env = {{"XDG_CACHE_HOME", cache.string()}, {"NO_COLOR", "1"}};
    return run_command(command);
}

std::string imported_base(const fs::path& root, const fs::path& cache) {
    proc::ProcessResult imported = run_tool(root, cache, {"--json", "tree", "import", "debian-6.12"});
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    return nlohmann::json::parse(imported.out)["commit"];
}

std::vector<fs::path> patch_files(const std::string& version) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(series_dir / version)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// "    Changes in v2:\n    - x" from format-patch --notes, as the note text.
std::string note_text(const std::string& notes) {
    std::string text;
    std::istringstream in(notes);
    std::string line;
    std::getline(in, line);  // "Notes:"
    while (std::getline(in, line)) text += (line.rfind("    ", 0) == 0 ? line.substr(4) : line) + "\n";
    return text;
}

}  // namespace

class ShippedVersions : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedVersions, AppliesWithGitAmAndEqualsFormatPatchOutput) {
    test::TempDir dir;
    fs::path cache = test::borrow_kernel_cache(dir / "home");
    std::string base = imported_base(test::source_dir(), cache);
    fs::path store = cache / "seriesctl" / "store.git";
    test::run_ok(
        proc::Command{{"git", "clone", "-q", "--shared", "--no-checkout", store.string(), (dir / "linux").string()}});
    auto files = patch_files(GetParam());
    std::vector<patch::PatchFile> patches;
    for (const auto& file : files) patches.push_back(git::read_patch(util::read_file(file), file.string()));

    // The commits as their author made them: committer = author, same dates.
    proc::Command git{{"git"}, dir / "linux",
                {{"GIT_CONFIG_GLOBAL", "/dev/null"},
                 {"GIT_COMMITTER_NAME", patches[0].author.name},
                 {"GIT_COMMITTER_EMAIL", patches[0].author.email},
                 {"GIT_AUTHOR_NAME", patches[0].author.name},
                 {"GIT_AUTHOR_EMAIL", patches[0].author.email},
                 {"GIT_COMMITTER_DATE", "2026-05-14T10:45:00+0200"}}};
    auto run_git = [&](std::vector<std::string> args) {
        proc::Command command = git;
        command.argv.insert(command.argv.end(), args.begin(), args.end());
        return test::run_ok(command);
    };
    run_git({"checkout", "-q", "--detach", base});
    std::vector<std::string> am = {"am", "-q", "--committer-date-is-author-date"};
    for (const auto& file : files) am.push_back(file.string());
    proc::Command am_command = git;
    am_command.argv.insert(am_command.argv.end(), am.begin(), am.end());
    am_command.env.pop_back();  // am takes the author's dates
    proc::ProcessResult applied = run_command(am_command);
    ASSERT_EQ(applied.exit_code, 0) << "git am failed: " << applied.err;

    bool with_notes = false;
    for (size_t i = 0; i < patches.size(); ++i) {
        if (patches[i].notes.empty()) continue;
        with_notes = true;
        run_git({"notes", "add", "-f", "-m", note_text(patches[i].notes),
                 "HEAD~" + std::to_string(patches.size() - 1 - i)});
    }
    std::string prefix = patches[0].prefix.substr(0, patches[0].prefix.rfind(' '));
    std::vector<std::string> format = {"format-patch", "-q", "--subject-prefix=" + prefix, "-o",
                                       (dir / "out").string(), "-" + std::to_string(patches.size())};
    if (with_notes) format.push_back("--notes");
    run_git(format);
    // Byte for byte but the ids that follow from the base: the "From
    // <commit>" line (a commit id follows from its parent) and the blob ids
    // of "index" lines (a stable update may have touched the file), since the
    // base is whatever release of 6.12 this machine imported.
    auto without_base_ids = [](const std::string& text) {
        std::string kept;
        std::istringstream in(text.substr(text.find('\n') + 1));
        for (std::string line; std::getline(in, line);)
            if (line.rfind("index ", 0) != 0) kept += line + "\n";
        return kept;
    };
    for (const auto& file : files)
        EXPECT_EQ(without_base_ids(util::read_file(dir / "out" / file.filename())),
                  without_base_ids(util::read_file(file)))
            << file << " differs from format-patch";
}

TEST_P(ShippedVersions, PassesCheckpatchAndSeriesLints) {
    test::TempDir dir;
    fs::path root = test::copy_project(dir / "project");
    fs::path cache = test::borrow_kernel_cache(dir / "home");
    proc::ProcessResult check = run_tool(root, cache, {"check", "--version", GetParam()});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("checkpatch --strict 0 errors, 0 warnings, 0 checks on 3 patches; lints: 0 findings"),
              std::string::npos)
        << check.out;
}

TEST_P(ShippedVersions, EveryPatchBuildsOnBothArchesWithAndWithoutFences) {
    test::TempDir dir;
    fs::path root = test::copy_project(dir / "project");
    fs::path cache = test::borrow_kernel_cache(dir / "home");
    proc::ProcessResult build = run_tool(root, cache, {"--json", "build", "--version", GetParam()});
    ASSERT_EQ(build.exit_code, 0) << build.out << build.err;
    auto report = nlohmann::json::parse(build.out);
    EXPECT_EQ(report["gates"]["build-x86_64"], "passed");
    EXPECT_EQ(report["gates"]["build-arm64"], "passed");
    // base + 3 patches, 2 arches, 2 fragments
    ASSERT_EQ(report["cells"].size(), 16u);
    for (const auto& cell : report["cells"]) {
        EXPECT_TRUE(cell["ok"]) << cell.dump();
        EXPECT_TRUE(cell["new_warnings"].empty()) << cell.dump();
    }
    for (const char* object : {"drivers/media/common/videobuf2/videobuf2-core.o",
                               "drivers/media/platform/verisilicon/hantro_drv.o",
                               "drivers/media/platform/verisilicon/hantro_v4l2.o",
                               "drivers/media/platform/rockchip/rga/rga.o",
                               "drivers/media/platform/rockchip/rga/rga-buf.o"})
        EXPECT_NE(std::find(report["targets"].begin(), report["targets"].end(), object), report["targets"].end())
            << object;
}

INSTANTIATE_TEST_SUITE_P(Versions, ShippedVersions, ::testing::Values("v1", "v2"));
