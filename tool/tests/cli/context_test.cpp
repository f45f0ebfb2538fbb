// What a verb declares in the verb table is what it gets, built once.
#include "cli/context.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <stdexcept>

#include "support/git_fixture.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;

TEST(Context, GivesWhatWasDeclaredAndRefusesWhatWasNot) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    cli::Context context;
    context.options.root = root.string();
    context.prepare(cli::needs_checkout | cli::needs_lore);
    EXPECT_EQ(context.project().root(), root);
    EXPECT_FALSE(context.lore().archive().empty());
    EXPECT_THROW(context.trees(), std::logic_error);
    EXPECT_THROW(context.hosts(), std::logic_error);

    context.prepare(cli::needs_checkout | cli::needs_trees | cli::needs_hosts | cli::needs_build_arches |
                    cli::needs_subject_prefixes);
    EXPECT_EQ(context.trees().count("debian-6.12"), 1u);
    EXPECT_FALSE(context.hosts().empty());
    EXPECT_EQ(context.build_arches().count("arm64"), 1u);
    EXPECT_FALSE(context.subject_prefixes().empty());
}

// A broken config file stops the verbs that need it, with one line naming
// the file; the verbs that do not read it run as before.
TEST(Context, ABrokenConfigFileStopsOnlyTheVerbsThatNeedIt) {
    test::TempDir dir;
    auto root = test::copy_project(dir / "project");
    auto user_config = dir / "home" / "config" / "seriesctl";
    std::filesystem::create_directories(user_config);
    util::write_file_atomically(user_config / "hosts.yaml", "boards: [unclosed\n");

    proc::ProcessResult validate = test::run_seriesctl({"validate", "--hw", "ohm", "--dry-run"}, root, dir / "home");
    EXPECT_EQ(validate.exit_code, 2) << validate.out;
    EXPECT_EQ(validate.err.rfind("seriesctl: " + (user_config / "hosts.yaml").string(), 0), 0u) << validate.err;
    EXPECT_EQ(std::count(validate.err.begin(), validate.err.end(), '\n'), 1) << validate.err;

    proc::ProcessResult status = test::run_seriesctl({"status"}, root, dir / "home");
    EXPECT_EQ(status.exit_code, 0) << status.err;
    EXPECT_NE(status.out.find("vb2-release-fence"), std::string::npos) << status.out;
}
