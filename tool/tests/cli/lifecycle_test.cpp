// new-version, reviews, trailers on a copy of the shipped series: what they
// write, and that bad input is one line, exit 2 and nothing written.
#include <gtest/gtest.h>
#include <set>
#include <nlohmann/json.hpp>

#include "git/handle.h"
#include "series/series_yaml.h"
#include "support/git_fixture.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;
namespace fs = std::filesystem;

namespace {

git::Library libgit2;

class Lifecycle : public ::testing::Test {
protected:
    Lifecycle() { test::copy_project(root()); }

    fs::path root() const { return dir / "project"; }
    fs::path series_file() const { return root() / "series" / "vb2-release-fence.yaml"; }
    fs::path version_dir(const std::string& version) const { return root() / "kernel" / "vb2-release-fence" / version; }

    // v2 as sent, with the reviews given.
    void send_v2(std::vector<series::Review> reviews) const {
        series::Series series = series::parse_series(util::read_file(series_file()), "x");
        series.versions[1].state = series::VersionState::sent;
        series.versions[1].sent = series::SentRecord{"2026-05-14", "v2-cover@reauktion.de", "", {}};
        series.versions[1].reviews = std::move(reviews);
        util::write_file_atomically(series_file(), series::render_series(series));
    }

    proc::ProcessResult run(const std::vector<std::string>& args) const {
        return test::run_seriesctl(args, root(), dir.path());
    }

    void expect_refused(const std::vector<std::string>& args, const std::string& line) const {
        std::string before = util::read_file(series_file());
        proc::ProcessResult result = run(args);
        EXPECT_EQ(result.exit_code, 2) << result.out;
        EXPECT_EQ(result.err, "seriesctl: " + line + "\n");
        EXPECT_EQ(util::read_file(series_file()), before);
    }

    test::TempDir dir;
};

series::Review review(const std::string& id, int patch, std::vector<std::string> trailers, const std::string& excerpt) {
    return {id, id + "@example.org", "Rey Viewer <rey@example.org>", "2026-05-15", patch, std::move(trailers), excerpt,
            "", ""};
}

}  // namespace

TEST_F(Lifecycle, ASecondDraftIsRefusedAndNothingIsWritten) {
    expect_refused({"new-version"},
                   "series vb2-release-fence has a draft already (v2): finish or send it before cutting another version");
    EXPECT_FALSE(fs::exists(version_dir("v3")));
}

TEST_F(Lifecycle, NewVersionFromAnUnknownVersionIsRefused) {
    send_v2({});
    expect_refused({"new-version", "--from", "v7"}, "series vb2-release-fence has no version v7 (it has v1, v2)");
    EXPECT_FALSE(fs::exists(version_dir("v3")));
}

TEST_F(Lifecycle, NewVersionWritesTheFilesAndTheDraft) {
    send_v2({review("v2-1", 2, {}, "Why device_run?")});
    proc::ProcessResult cut = run({"new-version"});
    ASSERT_EQ(cut.exit_code, 0) << cut.err;
    EXPECT_EQ(cut.out,
              "vb2-release-fence v3 (draft) cut from v2: 3 patches in kernel/vb2-release-fence/v3\n"
              "changelog skeleton, one line per open review of v2 (`seriesctl reviews address ID --note ...` fills it):\n"
              "  patch 2: TODO: say how v3 answers Rey Viewer (v2-1, patch 2)\n");
    std::string yaml = util::read_file(series_file());
    EXPECT_NE(yaml.find("  - version: v3\n"
                        "    state: draft\n"
                        "    patches: kernel/vb2-release-fence/v3\n"
                        "    base:\n"
                        "      tree: debian-6.12\n"
                        "      upstream: v6.12.117\n"
                        "    cover:\n"),
              std::string::npos)
        << yaml;
    EXPECT_TRUE(yaml.ends_with("    changelog:\n"
                               "      - patch: 2\n"
                               "        text: \"TODO: say how v3 answers Rey Viewer (v2-1, patch 2)\"\n"
                               "        answers: v2-1\n"))
        << yaml;
    // No staging directory is left beside it.
    std::set<std::string> entries;
    for (const auto& entry : fs::directory_iterator(version_dir("v3").parent_path()))
        entries.insert(entry.path().filename().string());
    EXPECT_EQ(entries, (std::set<std::string>{"configs", "validation", "v1", "v2", "v3"}));

    proc::ProcessResult status = run({"status"});
    EXPECT_NE(status.out.find("v3 changelog: 1 line still to write (TODO: ...)"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("<v2-cover@reauktion.de>"), std::string::npos) << status.out;
}

TEST_F(Lifecycle, NewVersionTakesTheFilesARunKilledBeforeRecordingLeftAndNothingElse) {
    send_v2({});
    std::string sent = util::read_file(series_file());
    ASSERT_EQ(run({"new-version"}).exit_code, 0);
    std::string cut = util::read_file(series_file());
    // As if killed after v3's directory was renamed into place, before the
    // series file recorded it.
    util::write_file_atomically(series_file(), sent);
    proc::ProcessResult again = run({"new-version"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(util::read_file(series_file()), cut);

    // A directory with anything else in it is someone's work: refused.
    util::write_file_atomically(series_file(), sent);
    util::write_file_atomically(version_dir("v3") / "notes.txt", "mine\n");
    expect_refused({"new-version"}, version_dir("v3").string() + " exists already; move it away before cutting v3");
}

TEST_F(Lifecycle, ReviewsListAndAddress) {
    send_v2({review("v2-1", 1, {"Reviewed-by: Rey Viewer <rey@example.org>"}, "Fine by me."),
             review("v2-2", 3, {}, "Take the lock later.")});
    ASSERT_EQ(run({"new-version"}).exit_code, 0);
    proc::ProcessResult list = run({"reviews", "--version", "v2"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(list.out,
              "ID    VERSION  PATCH  FROM                          DATE        TRAILERS     SAYS                  STATE\n"
              "v2-1  v2       1      Rey Viewer <rey@example.org>  2026-05-15  Reviewed-by  Fine by me.           open\n"
              "v2-2  v2       3      Rey Viewer <rey@example.org>  2026-05-15               Take the lock later.  open\n"
              "2 open\n");

    expect_refused({"reviews", "address", "v2-9", "--note", "x"},
                   "series vb2-release-fence has no review with the id or message-id 'v2-9' (see `seriesctl reviews`)");
    proc::ProcessResult done =
        run({"reviews", "address", "<v2-2@example.org>", "--note", "Lock taken after the look-ups"});
    ASSERT_EQ(done.exit_code, 0) << done.err;
    EXPECT_EQ(done.out, "review v2-2 addressed in v3; the changelog of v3 answers it\n");
    proc::ProcessResult json = run({"--json", "reviews", "--version", "v2"});
    nlohmann::json reviews = nlohmann::json::parse(json.out)["reviews"];
    EXPECT_EQ(reviews[1]["addressed_in"], "v3");
    EXPECT_EQ(reviews[1]["note"], "Lock taken after the look-ups");
    EXPECT_NE(util::read_file(series_file()).find("      - patch: 3\n"
                                            "        text: Lock taken after the look-ups\n"
                                            "        answers: v2-2\n"),
              std::string::npos);
}

TEST_F(Lifecycle, ATrailerForAPatchThatDoesNotExistIsRefusedAndNothingWritten) {
    send_v2({review("v2-1", 1, {"Reviewed-by: Rey Viewer <rey@example.org>"}, ""),
             review("v2-2", 4, {"Acked-by: Ann <ann@example.org>"}, "")});
    ASSERT_EQ(run({"new-version"}).exit_code, 0);
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(version_dir("v3"))) files.push_back(util::read_file(entry.path()));
    expect_refused({"trailers"}, "review v2-2 gives trailers on patch 4 of v2, and v3 has 3 patches");
    std::vector<std::string> after;
    for (const auto& entry : fs::directory_iterator(version_dir("v3"))) after.push_back(util::read_file(entry.path()));
    EXPECT_EQ(after, files);
}

TEST_F(Lifecycle, TrailersOnChangedCodeAreFlaggedAndAddedOnlyWithForce) {
    send_v2({review("v2-1", 3, {"Reviewed-by: Rey Viewer <rey@example.org>"}, "")});
    ASSERT_EQ(run({"new-version"}).exit_code, 0);
    fs::path patch3;
    for (const auto& entry : fs::directory_iterator(version_dir("v3")))
        if (entry.path().filename().string().starts_with("0003-")) patch3 = entry.path();
    std::string text = util::read_file(patch3);
    const std::string line = "+\tdst_vq->supports_release_fences = true;\n";
    util::write_file_atomically(
        patch3, text.replace(text.find(line), line.size(), "+\tdst_vq->supports_release_fences = 1;\n"));
    std::string edited = util::read_file(patch3);

    proc::ProcessResult flagged = run({"trailers"});
    EXPECT_EQ(flagged.exit_code, 1);
    EXPECT_NE(flagged.out.find("code changed since; not added (--force adds it)"), std::string::npos) << flagged.out;
    EXPECT_NE(flagged.out.find("nothing written"), std::string::npos);
    EXPECT_EQ(util::read_file(patch3), edited);

    proc::ProcessResult forced = run({"trailers", "--force"});
    EXPECT_EQ(forced.exit_code, 0) << forced.out;
    EXPECT_NE(util::read_file(patch3).find("Reviewed-by: Rey Viewer <rey@example.org>\nSigned-off-by: Markus Fritsche"),
              std::string::npos);
}
