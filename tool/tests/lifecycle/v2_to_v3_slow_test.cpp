// The v2 -> v3 loop on the real Debian 6.12 tree with real parts: v2's
// thread on a real public-inbox-httpd, replies recorded by `watch`, then
// new-version, trailers, an edit, diff (git range-diff over commits made in
// the shared tree store) and `b4 am` on the result.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "git/handle.h"
#include "patch/patch.h"
#include "series/series_yaml.h"
#include "support/git_fixture.h"
#include "support/kernel_cache.h"
#include "support/project_copy.h"
#include "support/public_inbox.h"
#include "support/source_paths.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::test;
namespace fs = std::filesystem;

namespace {

git::Library libgit2;

const std::string cover_id = "20260514080641.4242-1-mfritsche@reauktion.de";
const std::string list = "linux-media@vger.kernel.org";
const std::string koenig = "Christian König <christian.koenig@amd.com>";

const std::string v3_cover = "20260601090000.777-1-mfritsche@reauktion.de";

// The message-id of patch `number` in the thread of `cover`.
std::string message_id(int number, const std::string& cover = cover_id) {
    std::string id = cover;
    return id.replace(id.find("-1-"), 3, "-" + std::to_string(number + 1) + "-");
}

std::vector<fs::path> patch_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".patch") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// A format-patch file as the list delivered it: no "From <sha>" line,
// threaded under the cover.
std::string as_mail(const std::string& file_text, int number, const std::string& cover = cover_id) {
    std::string text = file_text.substr(file_text.find('\n') + 1);
    size_t headers_end = text.find("\n\n");
    return text.substr(0, headers_end) + "\nTo: " + list + "\nMessage-Id: <" + message_id(number, cover) +
           ">\nIn-Reply-To: <" + cover + ">\nReferences: <" + cover + ">" + text.substr(headers_end);
}

std::vector<std::string> v2_thread(const fs::path& v2_dir) {
    std::vector<std::string> mails = {mail_text({{"From", "Markus Fritsche <mfritsche@reauktion.de>"},
                                                 {"To", list},
                                                 {"Subject", "[PATCH RFC v2 0/3] media: videobuf2: opt-in dma_resv "
                                                             "producer fences for V4L2 dmabuf exports"},
                                                 {"Date", mail_date(7200)},
                                                 {"Message-Id", "<" + cover_id + ">"}},
                                                "v2 cover letter.\n")};
    auto files = patch_files(v2_dir);
    for (size_t i = 0; i < files.size(); ++i)
        mails.push_back(as_mail(util::read_file(files[i]), static_cast<int>(i) + 1));
    mails.push_back(mail_text({{"From", "=?UTF-8?q?Christian_K=C3=B6nig?= <christian.koenig@amd.com>"},
                               {"To", list},
                               {"Subject", "Re: [PATCH RFC v2 1/3] media: videobuf2: add dma_resv release-fence helper"},
                               {"Date", mail_date(3600)},
                               {"Message-Id", "<koenig-v2-1@amd.com>"},
                               {"In-Reply-To", "<" + message_id(1) + ">"},
                               {"References", "<" + cover_id + "> <" + message_id(1) + ">"},
                               {"MIME-Version", "1.0"},
                               {"Content-Type", "text/plain; charset=UTF-8"},
                               {"Content-Transfer-Encoding", "quoted-printable"}},
                              "> Add vb2_buffer_attach_release_fence()\n\nThe signalling annotations look right now.\n\n"
                              "Reviewed-by: Christian K=C3=B6nig <christian.koenig@amd.com>\n"));
    mails.push_back(mail_text({{"From", "Nicolas Dufresne <nicolas.dufresne@collabora.com>"},
                               {"To", list},
                               {"Subject", "Re: [PATCH RFC v2 3/3] media: rockchip: rga: attach release fences to "
                                           "capture buffers"},
                               {"Date", mail_date(1800)},
                               {"Message-Id", "<nicolas-v2-3@collabora.com>"},
                               {"In-Reply-To", "<" + message_id(3) + ">"},
                               {"References", "<" + cover_id + "> <" + message_id(3) + ">"}},
                              "> +\t * ctrl_lock. Without a fence, the job runs all the same.\n\n"
                              "Please say in the comment that the job runs without a fence when publishing fails.\n"));
    return mails;
}

class V2ToV3 : public ::testing::Test {
protected:
    V2ToV3() {
        copy_project(project());
        // v2 as sent: its cover on the archive.
        series::Series series = series::parse_series(util::read_file(series_file()), series_file().string());
        series::Version& v2 = series.versions[1];
        v2.state = series::VersionState::sent;
        v2.sent = series::SentRecord{"2026-05-14", cover_id, "", {}};
        util::write_file_atomically(series_file(), series::render_series(series));
    }

    fs::path project() const { return dir / "checkout"; }
    fs::path series_file() const { return project() / "series" / "vb2-release-fence.yaml"; }
    fs::path v3_dir() const { return project() / "kernel" / "vb2-release-fence" / "v3"; }

    // seriesctl on a cache that borrows the imported tree, with its own config.
    proc::ProcessResult seriesctl(const std::vector<std::string>& args) const {
        proc::Command command{{"timeout", "600", test::seriesctl_binary(), "--root", project().string()},
                        {},
                        {{"XDG_CACHE_HOME", cache.string()},
                         {"XDG_CONFIG_HOME", (dir / "home" / "config").string()},
                         {"NO_COLOR", "1"}}};
        command.argv.insert(command.argv.end(), args.begin(), args.end());
        return run_command(command);
    }

    // Exit 2, one line naming the problem, the series file byte for byte as it was.
    void expect_refused(const std::vector<std::string>& args, const std::string& line) const {
        std::string before = util::read_file(series_file());
        proc::ProcessResult result = seriesctl(args);
        EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
        EXPECT_EQ(result.err, "seriesctl: " + line + "\n");
        EXPECT_EQ(util::read_file(series_file()), before);
    }

    TempDir dir;
    fs::path cache = borrow_kernel_cache(dir / "home");
};

}  // namespace

TEST_F(V2ToV3, WatchNewVersionTrailersEditDiffAndB4Am) {
    // The tree the patches apply to, in the shared cache (a no-op once there).
    proc::ProcessResult import = seriesctl({"tree", "import", "debian-6.12"});
    ASSERT_EQ(import.exit_code, 0) << import.err;

    // v2's thread and its reviews on a real public-inbox; watch records them.
    PublicInbox inbox(dir / "pi");
    inbox.import(v2_thread(project() / "kernel" / "vb2-release-fence" / "v2"));
    {
        InboxServer server(inbox);
        fs::create_directories(dir / "watch-home" / "config" / "seriesctl");
        util::write_file_atomically(dir / "watch-home" / "config" / "seriesctl" / "lore.yaml",
                              "url: " + server.url() + "\nretries: 1\nretry-delay-ms: 50\n");
        proc::ProcessResult watch = run_seriesctl({"watch", "--once", "--json"}, project(), dir / "watch-home");
        ASSERT_EQ(watch.exit_code, 1) << watch.out << watch.err;
    }
    proc::ProcessResult reviews = seriesctl({"--json", "reviews", "--version", "v2"});
    ASSERT_EQ(reviews.exit_code, 0) << reviews.err;
    nlohmann::json recorded = nlohmann::json::parse(reviews.out)["reviews"];
    ASSERT_EQ(recorded.size(), 2u) << reviews.out;
    EXPECT_EQ(recorded[0]["patch"], 1);
    EXPECT_EQ(recorded[0]["trailers"], nlohmann::json({"Reviewed-by: " + koenig}));
    EXPECT_EQ(recorded[0]["addressed"], false);
    EXPECT_EQ(recorded[1]["patch"], 3);
    EXPECT_EQ(recorded[1]["message_id"], "nicolas-v2-3@collabora.com");
    std::string koenig_review = recorded[0]["id"], nicolas_review = recorded[1]["id"];

    // new-version cuts v3: the files with the new prefix, a draft with a
    // changelog line per open review.
    proc::ProcessResult cut = seriesctl({"new-version"});
    ASSERT_EQ(cut.exit_code, 0) << cut.err;
    EXPECT_NE(cut.out.find("vb2-release-fence v3 (draft) cut from v2: 3 patches in kernel/vb2-release-fence/v3"),
              std::string::npos)
        << cut.out;
    auto v2_files = patch_files(project() / "kernel" / "vb2-release-fence" / "v2");
    auto v3_files = patch_files(v3_dir());
    ASSERT_EQ(v3_files.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        std::string expected = util::read_file(v2_files[i]);
        std::string v2_prefix = "[PATCH RFC v2 " + std::to_string(i + 1) + "/3]";
        expected.replace(expected.find(v2_prefix), v2_prefix.size(), "[PATCH RFC v3 " + std::to_string(i + 1) + "/3]");
        EXPECT_EQ(util::read_file(v3_files[i]), expected) << v3_files[i];
    }
    series::Series series = series::parse_series(util::read_file(series_file()), "series");
    ASSERT_EQ(series.versions.size(), 3u);
    const series::Version& v3 = series.versions[2];
    EXPECT_EQ(v3.state, series::VersionState::draft);
    EXPECT_EQ(v3.base.upstream, series.versions[1].base.upstream);
    EXPECT_EQ(v3.base.tree, series.versions[1].base.tree);
    EXPECT_EQ(v3.cover.subject, series.versions[1].cover.subject);
    ASSERT_EQ(v3.changelog.size(), 2u);
    EXPECT_EQ(v3.changelog[1].answers, nicolas_review);
    EXPECT_EQ(v3.changelog[1].patch, 3);
    EXPECT_TRUE(v3.changelog[1].text.starts_with("TODO:"));
    EXPECT_EQ(series.change_id, "20260428-vb2-release-fence-4fcbcddcd1d2");

    // Bad input: a second draft, an unknown version; nothing written.
    expect_refused({"new-version"},
                   "series vb2-release-fence has a draft already (v3): finish or send it before cutting another version");
    EXPECT_FALSE(fs::exists(project() / "kernel" / "vb2-release-fence" / "v4"));
    expect_refused({"diff", "v2", "v9"}, "series vb2-release-fence has no version v9 (it has v1, v2, v3)");

    // trailers: Christian's Reviewed-by lands on v3 patch 1, before the sign-off.
    std::string patch1_before = util::read_file(v3_files[0]);
    proc::ProcessResult trailers = seriesctl({"trailers"});
    ASSERT_EQ(trailers.exit_code, 0) << trailers.out << trailers.err;
    EXPECT_NE(trailers.out.find("wrote 1 patch files of v3"), std::string::npos) << trailers.out;
    std::string sob = "Signed-off-by: Markus Fritsche <mfritsche@reauktion.de>\n";
    std::string expected1 = patch1_before;
    expected1.insert(expected1.find(sob), "Reviewed-by: " + koenig + "\n");
    EXPECT_EQ(util::read_file(v3_files[0]), expected1);
    // Again: nothing to add twice.
    proc::ProcessResult again = seriesctl({"trailers"});
    EXPECT_EQ(again.exit_code, 0);
    EXPECT_NE(again.out.find("already there"), std::string::npos) << again.out;
    EXPECT_EQ(util::read_file(v3_files[0]), expected1);

    // The change Nicolas asked for in patch 3.
    std::string patch3 = util::read_file(v3_files[2]);
    const std::string old_line = "+\t * ctrl_lock. Without a fence, the job runs all the same.\n";
    const std::string new_line = "+\t * ctrl_lock. If publishing fails, the job runs without a fence.\n";
    ASSERT_NE(patch3.find(old_line), std::string::npos);
    util::write_file_atomically(v3_files[2], patch3.replace(patch3.find(old_line), old_line.size(), new_line));

    // diff v2 v3: message only, unchanged, code changed with the interdiff.
    proc::ProcessResult diff = seriesctl({"--json", "diff", "v2", "v3"});
    ASSERT_EQ(diff.exit_code, 0) << diff.err;
    nlohmann::json pairs = nlohmann::json::parse(diff.out)["patches"];
    ASSERT_EQ(pairs.size(), 3u) << diff.out;
    EXPECT_EQ(pairs[0]["change"], "message only");
    EXPECT_NE(pairs[0]["interdiff"].get<std::string>().find("+    Reviewed-by: " + koenig), std::string::npos)
        << pairs[0]["interdiff"];
    EXPECT_EQ(pairs[1]["change"], "unchanged");
    EXPECT_FALSE(pairs[1].contains("interdiff"));
    EXPECT_EQ(pairs[2]["change"], "code changed");
    EXPECT_EQ(pairs[2]["old"], 3);
    EXPECT_EQ(pairs[2]["new"], 3);
    std::string interdiff = pairs[2]["interdiff"];
    EXPECT_NE(interdiff.find("-+\t * ctrl_lock. Without a fence, the job runs all the same."), std::string::npos)
        << interdiff;
    EXPECT_NE(interdiff.find("++\t * ctrl_lock. If publishing fails, the job runs without a fence."),
              std::string::npos)
        << interdiff;
    proc::ProcessResult text = seriesctl({"diff", "v2", "v3"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("3   3   code changed  media: rockchip: rga: attach release fences to capture buffers"),
              std::string::npos)
        << text.out;

    // b4 am takes the v3 files, as the list archive serves them, and keeps
    // the trailer. (b4 0.12 reads a local mbox with Python's compat32
    // policy and fails on folded subjects, which format-patch writes; a
    // thread fetched from public-inbox is read the way lore's are.)
    PublicInbox v3_inbox(dir / "pi-v3");
    std::vector<std::string> v3_thread = {mail_text({{"From", "Markus Fritsche <mfritsche@reauktion.de>"},
                                                     {"To", list},
                                                     {"Subject", "[PATCH RFC v3 0/3] media: videobuf2: v3"},
                                                     {"Date", mail_date(60)},
                                                     {"Message-Id", "<" + v3_cover + ">"}},
                                                    "v3 cover letter.\n")};
    for (size_t i = 0; i < v3_files.size(); ++i)
        v3_thread.push_back(as_mail(util::read_file(v3_files[i]), static_cast<int>(i) + 1, v3_cover));
    v3_inbox.import(v3_thread);
    proc::ProcessResult am;
    fs::create_directories(dir / "am");
    {
        InboxServer server(v3_inbox);
        proc::Command b4{{"timeout", "120", "b4", "-n", "--no-stdin", "am", "-o", (dir / "am").string(), v3_cover},
                   dir.path(),
                   {{"HOME", dir.path().string()}, {"GIT_CONFIG_COUNT", "4"},
                    {"GIT_CONFIG_KEY_0", "b4.midmask"}, {"GIT_CONFIG_VALUE_0", server.url() + "/all/%s"},
                    {"GIT_CONFIG_KEY_1", "b4.attestation-policy"}, {"GIT_CONFIG_VALUE_1", "off"},
                    {"GIT_CONFIG_KEY_2", "user.name"}, {"GIT_CONFIG_VALUE_2", "Test"},
                    {"GIT_CONFIG_KEY_3", "user.email"}, {"GIT_CONFIG_VALUE_3", "test@example.org"}}};
        am = run_command(b4);
    }
    ASSERT_EQ(am.exit_code, 0) << am.out << am.err;
    std::vector<fs::path> outputs;
    for (const auto& entry : fs::directory_iterator(dir / "am"))
        if (entry.path().extension() == ".mbx") outputs.push_back(entry.path());
    ASSERT_EQ(outputs.size(), 1u) << am.err;
    std::string am_ready = util::read_file(outputs[0]);
    EXPECT_NE(am_ready.find("Reviewed-by: " + koenig + "\nSigned-off-by: Markus Fritsche <mfritsche@reauktion.de>"),
              std::string::npos)
        << am_ready.substr(0, 4000);
    EXPECT_NE(am_ready.find("If publishing fails, the job runs without a fence."), std::string::npos);

    // send --v3 --dry-run refuses while Nicolas' review of patch 3 is open.
    auto dry_run = [&] {
        proc::ProcessResult dry =
            seriesctl({"--json", "send", "--v3", "--dry-run", "--output", (dir / "v3-dry.mbox").string()});
        EXPECT_LE(dry.exit_code, 1) << dry.err;
        return nlohmann::json::parse(dry.out);
    };
    auto mentions = [](const nlohmann::json& blockers, const std::string& text) {
        for (const auto& blocker : blockers)
            if (blocker.get<std::string>().find(text) != std::string::npos) return true;
        return false;
    };
    nlohmann::json refused = dry_run();
    EXPECT_TRUE(mentions(refused["blockers"], "review " + nicolas_review +
                                                   " by Nicolas Dufresne <nicolas.dufresne@collabora.com> on patch 3 "
                                                   "is not addressed"))
        << refused["blockers"];
    EXPECT_TRUE(mentions(refused["blockers"], "changelog line of v3 still to write")) << refused["blockers"];

    // Answering the reviews: the changelog lines are written, status shows it.
    proc::ProcessResult addressed = seriesctl({"reviews", "address", "<nicolas-v2-3@collabora.com>", "--note",
                                         "Say in the comment that the job runs without a fence when publishing fails"});
    ASSERT_EQ(addressed.exit_code, 0) << addressed.err;
    ASSERT_EQ(seriesctl({"reviews", "address", koenig_review, "--note", "Carry Christian's Reviewed-by"}).exit_code, 0);
    series = series::parse_series(util::read_file(series_file()), "series");
    EXPECT_EQ(series.versions[1].reviews[1].addressed_in, "v3");
    EXPECT_EQ(series.versions[2].changelog[1].text,
              "Say in the comment that the job runs without a fence when publishing fails");
    proc::ProcessResult status = seriesctl({"status"});
    EXPECT_NE(status.out.find("v2       sent   3        debian-6.12 @ v6.12.117  2026-05-14  2        0"),
              std::string::npos)
        << status.out;
    EXPECT_NE(status.out.find("<" + cover_id + ">"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("v3       draft  3"), std::string::npos) << status.out;
    EXPECT_EQ(status.out.find("still to write"), std::string::npos) << status.out;

    // Now only the gates (no evidence in this test) stand in the way; the v3
    // cover says what changed, links v2 and answers v2's cover.
    nlohmann::json ready = dry_run();
    EXPECT_FALSE(mentions(ready["blockers"], "review ")) << ready["blockers"];
    EXPECT_FALSE(mentions(ready["blockers"], "changelog line")) << ready["blockers"];
    ASSERT_EQ(ready["mails"].size(), 4u);
    EXPECT_EQ(ready["mails"][0]["in_reply_to"], cover_id);
    std::string written = util::read_file(dir / "v3-dry.mbox");
    std::string cover = written.substr(0, written.find("\nFrom ", 10));
    EXPECT_NE(cover.find("In-Reply-To: <" + cover_id + ">"), std::string::npos) << cover;
    EXPECT_NE(cover.find("Changes in v3:"), std::string::npos) << cover;
    EXPECT_NE(cover.find("- 3/3 media: rockchip: rga: attach release fences to capture buffers\n"
                         "  - Say in the comment that the job runs without a fence when publishing\n"
                         "    fails (Nicolas Dufresne, v2 review of patch 3)\n"),
              std::string::npos)
        << cover;
    EXPECT_NE(cover.find("- Link to v2: https://lore.kernel.org/all/" + cover_id + "/"), std::string::npos) << cover;
}
