#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "proc/subprocess.h"

namespace seriesctl::test {

/// A real public-inbox (v2 format, Xapian search) named "all" in a test
/// directory, with its own PI_CONFIG: nothing outside the directory is used.
class PublicInbox {
public:
    explicit PublicInbox(const std::filesystem::path& dir);

    /// Adds many mails at once, as one git history indexed by
    /// public-inbox-index: far faster than one public-inbox-mda per mail.
    /// Only into an inbox nothing was delivered to yet.
    void import(const std::vector<std::string>& mails) const;
    /// Delivers one mail the way a list server does (public-inbox-mda).
    void deliver(const std::string& mail) const;

    /// PI_CONFIG and HOME for public-inbox's tools.
    std::vector<std::pair<std::string, std::string>> env() const;
    const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path dir_;
};

/// A loopback port nothing listens on (bound, then released).
int free_port();

/// Waits (up to 20 s) until something accepts connections on a loopback
/// port; throws naming `server` when nothing does.
void wait_for_port(int port, const std::string& server);

/// public-inbox-httpd serving an inbox on 127.0.0.1. It keeps its Xapian
/// handle open and sees new mail only after up to 30 s, as lore lags too;
/// a test that needs new mail at once starts a new server. It runs under
/// `timeout`, so it ends by itself even if the test process dies, and it is
/// stopped when this object goes.
class InboxServer {
public:
    explicit InboxServer(const PublicInbox& inbox, int port = 0);
    ~InboxServer();
    InboxServer(const InboxServer&) = delete;
    InboxServer& operator=(const InboxServer&) = delete;

    /// "http://127.0.0.1:<port>": the archive is url() + "/all".
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int port() const { return port_; }

private:
    int port_;
    std::unique_ptr<proc::Subprocess> process_;
};

/// A mail as the tests write them: headers in order, then the body.
std::string mail_text(const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body);

/// An RFC 5322 date `seconds_ago` before now, so searches by received time
/// (which public-inbox takes from Date: when there is no Received:) find it.
std::string mail_date(long seconds_ago);

}  // namespace seriesctl::test
