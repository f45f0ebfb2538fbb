#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "mail/mail.h"
#include "proc/subprocess.h"
#include "support/temp_dir.h"

namespace seriesctl::test {

/// A copy of the project whose v2 goes out through git send-email to a
/// test SMTP server, with the shared kernel tree (imported once) and a
/// private cache, config and git config.
class SendFixture {
public:
    SendFixture();

    const std::filesystem::path& project() const { return project_; }
    const std::filesystem::path& home() const { return temp_.path(); }
    std::filesystem::path series_file() const { return project_ / "series" / "vb2-release-fence.yaml"; }
    std::filesystem::path tree() const;
    /// The commit the tree's tip is in the fixture's store.
    std::string tree_tip() const;

    /// Evidence for every required gate of v2, bound to its content now.
    void pass_gates() const;
    /// git send-email's config points at this port.
    void use_smtp_port(int port) const;
    /// The archive send looks attempted mails up on.
    void use_archive(const std::string& url) const;

    /// `seriesctl --root <project> args…` with the fixture's environment.
    proc::ProcessResult seriesctl(const std::vector<std::string>& args) const;

private:
    TempDir temp_;
    std::filesystem::path project_;
};

/// The mails of an mbox written by the test SMTP server, parsed, with
/// their raw text.
struct Received {
    mail::Mail mail;
    std::string text;
};
std::vector<Received> read_mbox(const std::filesystem::path& mbox);

/// A header's unfolded value in a mail's text ("" when absent).
std::string header(const std::string& text, const std::string& name);

}  // namespace seriesctl::test
