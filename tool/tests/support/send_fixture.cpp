#include "support/send_fixture.h"

#include "mail/mail_header.h"
#include "mail/mbox.h"
#include "repo/gate_record.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "series/evidence.h"
#include "support/git_fixture.h"
#include "support/kernel_cache.h"
#include "support/project_copy.h"
#include "support/smtp_server.h"
#include "util/atomic_file.h"
#include "util/clock.h"

#include <map>

namespace fs = std::filesystem;

namespace seriesctl::test {

SendFixture::SendFixture() : project_(copy_project(temp_ / "project")) {
    // The kernel tree is borrowed (imported once, read-only); everything else is ours.
    borrow_kernel_cache(home());
    use_archive("http://127.0.0.1:1");
    use_smtp_port(1);
}

std::string SendFixture::tree_tip() const {
    std::string tip =
        run_ok(proc::Command{{"git", "--git-dir=" + (home() / "cache" / "seriesctl" / "store.git").string(),
                              "rev-parse", "refs/trees/debian-6.12"}});
    return tip.substr(0, tip.find('\n'));
}

fs::path SendFixture::tree() const { return home() / "cache" / "seriesctl" / "trees" / "debian-6.12"; }

void SendFixture::pass_gates() const {
    repo::Project project(project_);
    repo::VersionAtHand at_hand = repo::load_version_at_hand(project, "vb2-release-fence", "v2");
    series::CurrentContent content = repo::current_content(project, at_hand.series, at_hand.patches, tree_tip());
    std::map<std::string, series::Evidence> gates;
    for (const auto& name : at_hand.series.required_gates) {
        series::Binding binding =
            name == "checkpatch" || name == "lint" ? series::Binding::content : series::Binding::code;
        series::Evidence evidence = series::make_evidence(binding, true, content, "debian-6.12", util::now_iso8601());
        evidence.figures = {{"errors", "0"}};
        gates[name] = evidence;
    }
    repo::record_gates(project, "vb2-release-fence", "v2", gates);
}

void SendFixture::use_smtp_port(int port) const {
    write_send_email_config(home() / "gitconfig", port, "Markus Fritsche <mfritsche@reauktion.de>");
}

void SendFixture::use_archive(const std::string& url) const {
    write(home() / "config" / "seriesctl" / "lore.yaml",
          "url: " + url + "\ninbox: all\ntimeouts:\n  connect: 2\n  total: 10\nretries: 0\n");
}

proc::ProcessResult SendFixture::seriesctl(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--root", project_.string()};
    all.insert(all.end(), args.begin(), args.end());
    proc::Command command = seriesctl_command(all, project_, home());
    command.env.push_back({"GIT_CONFIG_GLOBAL", (home() / "gitconfig").string()});
    command.argv.insert(command.argv.begin(), {"timeout", "600"});
    return run_command(command);
}

std::vector<Received> read_mbox(const fs::path& mbox) {
    std::vector<Received> out;
    if (!fs::exists(mbox)) return out;
    for (const auto& message : mail::split_mboxrd(util::read_file(mbox), mbox.string()))
        out.push_back({mail::parse_mail(message.text, mbox.string(), message.line), message.text});
    return out;
}

std::string header(const std::string& text, const std::string& name) {
    auto headers = mail::parse_headers(text, nullptr);
    if (!headers) return "";
    const mail::MailHeader* found = mail::find_header(*headers, name);
    return found ? found->value : "";
}

}  // namespace seriesctl::test
