#include "support/public_inbox.h"

#include <arpa/inet.h>
#include <chrono>
#include <ctime>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "support/git_fixture.h"
#include "util/unique_fd.h"

namespace seriesctl::test {

namespace {

const char* address = "list@example.org";

util::UniqueFd loopback_socket() {
    util::UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) throw std::runtime_error("socket() failed");
    return fd;
}

sockaddr_in loopback(int port) {
    sockaddr_in where{};
    where.sin_family = AF_INET;
    where.sin_port = htons(static_cast<uint16_t>(port));
    where.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return where;
}

bool accepts_connections(int port) {
    util::UniqueFd fd = loopback_socket();
    sockaddr_in where = loopback(port);
    return ::connect(fd.get(), reinterpret_cast<sockaddr*>(&where), sizeof where) == 0;
}

}  // namespace

PublicInbox::PublicInbox(const std::filesystem::path& dir) : dir_(dir) {
    std::filesystem::create_directories(dir_);
    run_ok({{"public-inbox-init", "-V2", "-L", "full", "-j1", "all", (dir_ / "inbox").string(),
             "http://127.0.0.1/all", address},
            dir_,
            env()});
    // No spam filter on a test list (mda would call spamc).
    run_ok({{"git", "config", "-f", (dir_ / "pi-config").string(), "publicinboxmda.spamcheck", "none"}, dir_, env()});
}

std::vector<std::pair<std::string, std::string>> PublicInbox::env() const {
    return {{"PI_CONFIG", (dir_ / "pi-config").string()}, {"HOME", dir_.string()}};
}

void PublicInbox::import(const std::vector<std::string>& mails) const {
    // A v2 inbox keeps each mail as the blob "m" of one commit in git/0.git
    // (public-inbox-v2-format(5)); public-inbox-index reads that history.
    std::string stream;
    for (size_t i = 0; i < mails.size(); ++i) {
        stream += "blob\nmark :" + std::to_string(2 * i + 1) + "\ndata " + std::to_string(mails[i].size()) + "\n" +
                  mails[i] + "\n";
        std::string message = "mail " + std::to_string(i);
        stream += "commit refs/heads/master\nmark :" + std::to_string(2 * i + 2) + "\ncommitter Test <t@example.org> " +
                  std::to_string(1777000000 + i) + " +0000\ndata " + std::to_string(message.size()) + "\n" + message +
                  "\n" + (i ? "from :" + std::to_string(2 * i) + "\n" : "") + "M 100644 :" +
                  std::to_string(2 * i + 1) + " m\n\n";
    }
    auto epoch = dir_ / "inbox" / "git" / "0.git";
    run_ok({{"git", "init", "-q", "--bare", epoch.string()}, dir_, env()});
    run_ok({{"git", "fast-import", "--quiet"}, epoch, env()}, stream);
    run_ok({{"public-inbox-index", (dir_ / "inbox").string()}, dir_, env()});
}

void PublicInbox::deliver(const std::string& mail) const {
    auto environment = env();
    environment.push_back({"ORIGINAL_RECIPIENT", address});
    run_ok({{"public-inbox-mda", "--no-precheck"}, dir_, environment}, mail);
}

int free_port() {
    util::UniqueFd fd = loopback_socket();
    sockaddr_in where = loopback(0);
    socklen_t size = sizeof where;
    if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&where), sizeof where) != 0 ||
        ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&where), &size) != 0)
        throw std::runtime_error("cannot find a free port");
    return ntohs(where.sin_port);
}

InboxServer::InboxServer(const PublicInbox& inbox, int port) : port_(port ? port : free_port()) {
    proc::Command command{{"timeout", "600", "public-inbox-httpd", "-W0", "-l", "127.0.0.1:" + std::to_string(port_)},
                    inbox.dir(),
                    inbox.env()};
    process_ = std::make_unique<proc::Subprocess>(command, proc::Subprocess::Stdin::closed);
    wait_for_port(port_, "public-inbox-httpd");
}

void wait_for_port(int port, const std::string& server) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!accepts_connections(port)) {
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error(server + " did not start on port " + std::to_string(port));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

InboxServer::~InboxServer() = default;  // Subprocess's destructor stops it (SIGTERM, passed on by timeout)

std::string mail_text(const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
    std::string text;
    for (const auto& [name, value] : headers) text += name + ": " + value + "\n";
    return text + "\n" + body;
}

std::string mail_date(long seconds_ago) {
    std::time_t when = std::time(nullptr) - seconds_ago;
    std::tm utc{};
    ::gmtime_r(&when, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &utc);
    return text;
}

}  // namespace seriesctl::test
