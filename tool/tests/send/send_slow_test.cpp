// seriesctl send against the real parts: the debian-6.12 tree's own
// get_maintainer.pl, git send-email, an aiosmtpd server on 127.0.0.1,
// public-inbox-httpd for the archive look-up, b4 am and git am.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "mail/mail_header.h"
#include "repo/series_file.h"
#include "support/git_fixture.h"
#include "support/public_inbox.h"
#include "support/send_fixture.h"
#include "support/smtp_server.h"
#include "util/atomic_file.h"

namespace fs = std::filesystem;
using namespace seriesctl;
using namespace seriesctl::test;

namespace {

std::set<std::string> addresses_of(const std::string& value) {
    std::set<std::string> out;
    static const std::regex address(R"(<([^<>\s]+@[^<>\s]+)>|([^\s,<>"]+@[^\s,<>"]+))");
    for (std::sregex_iterator it(value.begin(), value.end(), address), end; it != end; ++it)
        out.insert((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
    return out;
}

// Every address of one MAINTAINERS section (M: people and L: lists).
std::set<std::string> section_addresses(const fs::path& tree, const std::string& title) {
    std::istringstream lines(util::read_file(tree / "MAINTAINERS"));
    std::set<std::string> out;
    bool inside = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) {
            inside = false;
            continue;
        }
        if (line == title) inside = true;
        if (inside && (line.starts_with("M:") || line.starts_with("L:")))
            for (const auto& address : addresses_of(line)) out.insert(address);
    }
    return out;
}

// Progress lines may come first on stderr; the error is one line, the last.
void expect_one_line(const proc::ProcessResult& result) {
    std::istringstream lines(result.err);
    std::vector<std::string> errors;
    std::string last;
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("seriesctl: ")) errors.push_back(line);
        last = line;
    }
    ASSERT_EQ(errors.size(), 1u) << result.err;
    EXPECT_EQ(errors.front(), last) << result.err;
}

}  // namespace

TEST(SendSlow, DeliversV2ThreadedAddressedAndB4AppliesIt) {
    SendFixture fixture;
    fixture.pass_gates();
    SmtpServer smtp(fixture.home() / "smtp");
    fixture.use_smtp_port(smtp.port());

    proc::ProcessResult sent = fixture.seriesctl({"send", "--v2"});
    ASSERT_EQ(sent.exit_code, 0) << sent.out << sent.err;

    auto received = read_mbox(smtp.mbox());
    ASSERT_EQ(received.size(), 4u);
    series::Series series = repo::load_series_file(fixture.series_file());
    const series::Version& v2 = series.version("v2");
    EXPECT_EQ(v2.state, series::VersionState::sent);
    ASSERT_TRUE(v2.sent);
    ASSERT_EQ(v2.sent->messages.size(), 4u);
    const std::string v1_cover = series.version("v1").sent->cover;
    const mail::Mail& cover = received[0].mail;
    EXPECT_EQ(v2.sent->cover, cover.message_id);
    EXPECT_TRUE(std::regex_match(cover.message_id,
                                 std::regex(R"(\d{8}-vb2-release-fence-v2-0-[0-9a-f]{12}@reauktion\.de)")))
        << cover.message_id;
    EXPECT_EQ(cover.subject, "[PATCH RFC v2 0/3] " + v2.cover.subject);
    EXPECT_EQ(cover.in_reply_to, v1_cover) << "threading: previous-cover";
    EXPECT_EQ(cover.references, std::vector<std::string>{v1_cover});
    for (size_t n = 1; n < 4; ++n) {
        const mail::Mail& patch = received[n].mail;
        EXPECT_TRUE(patch.subject.starts_with("[PATCH RFC v2 " + std::to_string(n) + "/3] ")) << patch.subject;
        EXPECT_EQ(patch.message_id, v2.sent->messages[n].message_id);
        EXPECT_EQ(v2.sent->messages[n].state, series::MessageState::accepted);
        EXPECT_EQ(patch.in_reply_to, cover.message_id);
        EXPECT_EQ(patch.references, (std::vector<std::string>{v1_cover, cover.message_id}));
        ASSERT_TRUE(patch.date && received[n - 1].mail.date);
        EXPECT_GT(*patch.date, *received[n - 1].mail.date) << "Dates increase mail by mail";
    }

    // Recipients: the cover to the union, each patch to its own maintainers.
    std::set<std::string> cover_to = addresses_of(header(received[0].text, "To"));
    std::set<std::string> cover_cc = addresses_of(header(received[0].text, "Cc"));
    for (const char* cc : {"christian.koenig@amd.com", "sumit.semwal@linaro.org", "simona@ffwll.ch",
                           "nicolas.dufresne@collabora.com", "linaro-mm-sig@lists.linaro.org",
                           "dri-devel@lists.freedesktop.org"})
        EXPECT_TRUE(cover_to.count(cc) + cover_cc.count(cc)) << cc << " in the cover's To/Cc";
    for (const auto& mail : received) {
        std::set<std::string> all = addresses_of(header(mail.text, "To") + ", " + header(mail.text, "Cc"));
        EXPECT_FALSE(all.count("mfritsche@reauktion.de")) << "the sender is not a recipient";
        EXPECT_TRUE(all.count("linux-media@vger.kernel.org")) << mail.mail.subject;
        for (const auto& address : addresses_of(header(mail.text, "To")))
            EXPECT_FALSE(addresses_of(header(mail.text, "Cc")).count(address)) << address << " in To and Cc";
    }
    std::set<std::string> hantro_to = addresses_of(header(received[2].text, "To"));
    for (const auto& address : section_addresses(fixture.tree(), "HANTRO VPU CODEC DRIVER")) {
        if (address.find("lists") == std::string::npos && address.find("vger") == std::string::npos) {
            EXPECT_TRUE(hantro_to.count(address)) << address << " maintains hantro";
        }
    }
    EXPECT_FALSE(hantro_to.count("christian.koenig@amd.com") + hantro_to.count("sumit.semwal@linaro.org"))
        << "a version's extra Cc goes to the cover, not each patch";

    // The cover states what the evidence backs.
    const std::string& body = cover.body;
    EXPECT_NE(body.find("Validation (evidence seriesctl recorded on exactly these patches):\n- checkpatch: passed on "
                        "debian-6.12"),
              std::string::npos)
        << body;
    EXPECT_NE(body.find("Changes in v2:\n- 1/3 "), std::string::npos);
    EXPECT_NE(body.find("(Nicolas Dufresne, v1 review)"), std::string::npos);
    EXPECT_NE(body.find("- Link to v1: " + series.version("v1").sent->link), std::string::npos);
    EXPECT_NE(body.find("Based on v6.12.117."), std::string::npos);
    EXPECT_EQ(body.find("base-commit:"), std::string::npos);
    EXPECT_NE(body.find("change-id: 20260428-vb2-release-fence-4fcbcddcd1d2\n"), std::string::npos);

    // b4 finds v2 with all its patches in what was delivered ...
    fs::path b4_out = fixture.home() / "b4";
    fs::create_directories(b4_out);
    proc::Command b4{{"timeout", "120", "b4", "--offline-mode", "am", "-m", smtp.mbox().string(), "-o", b4_out.string(),
                "-n", "v2", cover.message_id},
               fixture.home(),
               git_test_env()};
    b4.env.push_back({"GIT_CONFIG_GLOBAL", (fixture.home() / "gitconfig").string()});
    proc::ProcessResult am = run_command(b4);
    ASSERT_EQ(am.exit_code, 0) << am.out << am.err;
    std::string b4_said = am.out + am.err;
    EXPECT_NE(b4_said.find("v2"), std::string::npos) << b4_said;
    EXPECT_NE(b4_said.find("Total patches: 3"), std::string::npos) << b4_said;
    EXPECT_NE(b4_said.find("Cover: " + (b4_out / "v2.cover").string()), std::string::npos)
        << "b4 takes our cover for the cover letter:\n" << b4_said;
    ASSERT_TRUE(fs::exists(b4_out / "v2.mbx")) << b4_said;

    // ... and git am applies it to the tree as it is now (the tip the
    // evidence was taken on; v2's base release is older on a moved tree).
    fs::path kernel = fixture.home() / "kernel";
    proc::Command clone{{"git", "clone", "-q", "--shared", "--no-checkout",
                   (fixture.home() / "cache" / "seriesctl" / "store.git").string(), kernel.string()},
                  fixture.home(),
                  git_test_env()};
    run_ok(clone);
    GitRepo repo(kernel);
    repo.git({"sparse-checkout", "set", "drivers/media/common/videobuf2", "drivers/media/platform/verisilicon",
              "drivers/media/platform/rockchip/rga", "include/media"});
    const std::string tip = fixture.tree_tip();
    repo.git({"checkout", "-q", "--detach", tip});
    repo.git({"am", "-q", (b4_out / "v2.mbx").string()});
    std::string log = repo.git({"log", "--format=%s", tip + "..HEAD"});
    EXPECT_EQ(std::count(log.begin(), log.end(), '\n') + (log.empty() || log.back() == '\n' ? 0 : 1), 3) << log;
}

TEST(SendSlow, AnInterruptedSendResumesWithoutSendingAnyMailTwice) {
    SendFixture fixture;
    fixture.pass_gates();
    proc::ProcessResult first;
    std::vector<Received> before;
    {
        SmtpServer smtp(fixture.home() / "smtp1", 2);
        fixture.use_smtp_port(smtp.port());
        first = fixture.seriesctl({"send", "--v2"});
        before = read_mbox(smtp.mbox());
    }
    EXPECT_EQ(first.exit_code, 2) << first.out << first.err;
    expect_one_line(first);
    EXPECT_NE(first.err.find("git send-email did not deliver 2.eml"), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("(mail 2/3; 2 accepted"), std::string::npos) << first.err;
    ASSERT_EQ(before.size(), 2u);

    series::Series series = repo::load_series_file(fixture.series_file());
    const series::Version& v2 = series.version("v2");
    EXPECT_EQ(v2.state, series::VersionState::sending);
    ASSERT_EQ(v2.sent->messages.size(), 3u);
    for (int n : {0, 1}) {
        EXPECT_EQ(v2.sent->messages[n].state, series::MessageState::accepted);
        EXPECT_EQ(v2.sent->messages[n].message_id, before[n].mail.message_id);
    }
    EXPECT_EQ(v2.sent->messages[2].state, series::MessageState::attempted) << "handed over, never accepted";

    // As if the server had taken mail 1 but the answer was lost: only the
    // archive can tell, and it has it.
    repo::update_series_file(fixture.series_file(), [](series::Series& s) {
        s.version("v2").sent->messages[1].state = series::MessageState::attempted;
    });
    PublicInbox inbox(fixture.home() / "inbox");
    inbox.import({before[0].text, before[1].text});
    InboxServer archive(inbox);
    fixture.use_archive(archive.url());

    SmtpServer smtp(fixture.home() / "smtp2");
    fixture.use_smtp_port(smtp.port());
    proc::ProcessResult second = fixture.seriesctl({"send", "--v2"});
    ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
    auto after = read_mbox(smtp.mbox());
    ASSERT_EQ(after.size(), 2u) << "only the mails not accepted before";
    std::set<std::string> ids;
    for (const auto& mail : before) ids.insert(mail.mail.message_id);
    for (const auto& mail : after) EXPECT_TRUE(ids.insert(mail.mail.message_id).second) << "sent twice";
    EXPECT_TRUE(after[0].mail.subject.starts_with("[PATCH RFC v2 2/3]")) << after[0].mail.subject;
    EXPECT_EQ(after[0].mail.in_reply_to, before[0].mail.message_id) << "the resumed mails join the same thread";

    series = repo::load_series_file(fixture.series_file());
    EXPECT_EQ(series.version("v2").state, series::VersionState::sent);
    for (const auto& message : series.version("v2").sent->messages) {
        EXPECT_EQ(message.state, series::MessageState::accepted);
        EXPECT_TRUE(ids.count(message.message_id));
    }
    EXPECT_EQ(series.version("v2").sent->messages.size(), 4u);
}

TEST(SendSlow, RefusesWhileGatesAreOpenAndForceRecordsWhy) {
    SendFixture fixture;
    SmtpServer smtp(fixture.home() / "smtp");
    fixture.use_smtp_port(smtp.port());
    std::string yaml_before = util::read_file(fixture.series_file());

    proc::ProcessResult refused = fixture.seriesctl({"send", "--v2"});
    EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
    for (const char* gate : {"checkpatch", "lint", "build-x86_64", "build-arm64", "qemu"})
        EXPECT_NE(refused.out.find(std::string("  - gate ") + gate + " is open: no evidence"), std::string::npos)
            << refused.out;
    EXPECT_EQ(util::read_file(fixture.series_file()), yaml_before) << "a refused send writes nothing";

    proc::ProcessResult dry =
        fixture.seriesctl({"send", "--v2", "--dry-run", "--output", (fixture.home() / "v2.mbox").string()});
    EXPECT_EQ(dry.exit_code, 1) << dry.out << dry.err;
    EXPECT_EQ(read_mbox(fixture.home() / "v2.mbox").size(), 4u) << "the dry run writes the mbox all the same";
    EXPECT_EQ(util::read_file(fixture.series_file()), yaml_before);

    // An open review of v1 blocks too, naming who asked what.
    repo::update_series_file(fixture.series_file(),
                             [](series::Series& s) { s.version("v1").reviews[0].addressed_in.clear(); });
    fixture.pass_gates();
    refused = fixture.seriesctl({"send", "--v2"});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.out.find("  - review v1-1 by Nicolas Dufresne <nicolas.dufresne@collabora.com> on the cover "
                               "is not addressed: \"Publishing the fence from buf_queue"),
              std::string::npos)
        << refused.out;
    EXPECT_TRUE(read_mbox(smtp.mbox()).empty());

    proc::ProcessResult no_reason = fixture.seriesctl({"send", "--v2", "--force"});
    EXPECT_EQ(no_reason.exit_code, 2);
    proc::ProcessResult forced = fixture.seriesctl({"send", "--v2", "--force", "--reason", "answered on the list"});
    ASSERT_EQ(forced.exit_code, 0) << forced.out << forced.err;
    EXPECT_EQ(read_mbox(smtp.mbox()).size(), 4u);
    series::Series series = repo::load_series_file(fixture.series_file());
    EXPECT_EQ(series.version("v2").sent->forced, "answered on the list");
    ASSERT_EQ(series.version("v2").sent->overridden.size(), 1u);
    EXPECT_TRUE(series.version("v2").sent->overridden[0].starts_with("review v1-1 by Nicolas Dufresne"));
}

TEST(SendSlow, EvidenceTakenOnOtherContentIsStaleAndNotClaimed) {
    SendFixture fixture;
    fixture.pass_gates();
    fs::path patch = fixture.project() / "kernel/vb2-release-fence/v2/0002-media-verisilicon-attach-release-fences-to-capture-b.patch";
    std::string text = util::read_file(patch);
    size_t subject_end = text.find("\n\n");
    text.insert(subject_end + 2, "A sentence added after the evidence was taken.\n\n");
    util::write_file_atomically(patch, text);
    std::string yaml_before = util::read_file(fixture.series_file());

    proc::ProcessResult refused =
        fixture.seriesctl({"send", "--v2", "--dry-run", "--output", (fixture.home() / "v2.mbox").string()});
    EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
    EXPECT_NE(refused.out.find("  - gate checkpatch is stale: patch 2 changed since"), std::string::npos) << refused.out;
    EXPECT_NE(refused.out.find("  - gate lint is stale"), std::string::npos);
    EXPECT_EQ(refused.out.find("gate build-x86_64"), std::string::npos)
        << "a reworded message does not change what a build proved";
    auto mails = read_mbox(fixture.home() / "v2.mbox");
    ASSERT_EQ(mails.size(), 4u);
    EXPECT_EQ(mails[0].mail.body.find("- checkpatch:"), std::string::npos) << "stale evidence is not claimed";
    EXPECT_NE(mails[0].mail.body.find("- build-x86_64: passed"), std::string::npos) << mails[0].mail.body;
    EXPECT_EQ(util::read_file(fixture.series_file()), yaml_before);
}

TEST(SendSlow, AHeaderInjectedThroughTheSeriesFileIsRefusedBeforeAnything) {
    SendFixture fixture;
    fixture.pass_gates();
    SmtpServer smtp(fixture.home() / "smtp");
    fixture.use_smtp_port(smtp.port());
    std::string yaml = util::read_file(fixture.series_file());
    const std::string cc = "      - Sumit Semwal <sumit.semwal@linaro.org>\n";
    ASSERT_NE(yaml.find(cc), std::string::npos);
    yaml.replace(yaml.find(cc), cc.size(), cc + "      - \"Evil <e@x.org>\\nBcc: x@y.org\"\n");
    util::write_file_atomically(fixture.series_file(), yaml);

    for (const auto& args : {std::vector<std::string>{"send", "--v2"},
                             std::vector<std::string>{"send", "--v2", "--dry-run", "--output",
                                                      (fixture.home() / "v2.mbox").string()}}) {
        proc::ProcessResult result = fixture.seriesctl(args);
        EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
        expect_one_line(result);
        EXPECT_NE(result.err.find("vb2-release-fence.yaml:"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("cc"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("header injection"), std::string::npos) << result.err;
    }
    EXPECT_FALSE(fs::exists(fixture.home() / "v2.mbox"));
    EXPECT_TRUE(read_mbox(smtp.mbox()).empty());
    EXPECT_EQ(util::read_file(fixture.series_file()), yaml);
}

TEST(SendSlow, DryRunOfTheShippedV2ReachesTheMaintainersOfEveryFileItTouches) {
    SendFixture fixture;
    proc::ProcessResult dry = fixture.seriesctl({"send", "--v2", "--dry-run", "--json"});
    EXPECT_EQ(dry.exit_code, 1) << "gates are open" << dry.err;
    auto out = nlohmann::json::parse(dry.out);
    std::set<std::string> reached;
    for (const auto& mail : out["mails"])
        for (const char* field : {"to", "cc"})
            for (const auto& address : mail[field]) {
                auto found = addresses_of(address.get<std::string>());
                reached.insert(found.begin(), found.end());
            }
    for (const char* section : {"VIDEOBUF2 FRAMEWORK", "HANTRO VPU CODEC DRIVER", "ROCKCHIP RASTER 2D GRAPHIC ACCELERATION UNIT DRIVER",
                                "DMA BUFFER SHARING FRAMEWORK"}) {
        auto wanted = section_addresses(fixture.tree(), section);
        EXPECT_FALSE(wanted.empty()) << section;
        for (const auto& address : wanted) EXPECT_TRUE(reached.count(address)) << address << " of " << section;
    }
    series::Series series = repo::load_series_file(fixture.series_file());
    for (const auto& cc : series.version("v2").cc)
        EXPECT_TRUE(reached.count(addresses_of(cc).empty() ? cc : *addresses_of(cc).begin())) << cc;
    EXPECT_TRUE(fs::exists(out["mbox"].get<std::string>()));
}
