#include "support/loopback_sshd.h"

#include <pwd.h>
#include <stdexcept>
#include <unistd.h>

#include "support/public_inbox.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

namespace seriesctl::test {

namespace fs = std::filesystem;

namespace {

void keygen(const fs::path& key) {
    proc::ProcessResult made = run_command(
        proc::Command{{"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "seriesctl-test", "-f", key.string()}});
    if (!made.ok()) throw std::runtime_error("ssh-keygen failed: " + made.tail());
}

std::string user_name() {
    const passwd* user = ::getpwuid(::getuid());
    if (!user) throw std::runtime_error("no passwd entry for the test user");
    return user->pw_name;
}

}  // namespace

LoopbackSshd::LoopbackSshd(const fs::path& dir) : dir_(dir), port_(free_port()) {
    fs::create_directories(dir_);
    keygen(dir_ / "host_key");
    keygen(dir_ / "user_key");
    fs::copy_file(dir_ / "user_key.pub", dir_ / "authorized_keys");
    // sshd refuses to start without its privilege separation directory.
    fs::create_directories("/run/sshd");
    write(dir_ / "sshd_config",
          "ListenAddress 127.0.0.1\n"
          "Port " + std::to_string(port_) + "\n"
          "HostKey " + (dir_ / "host_key").string() + "\n"
          "AuthorizedKeysFile " + (dir_ / "authorized_keys").string() + "\n"
          "PidFile none\n"
          "UsePAM no\n"
          "StrictModes no\n"
          "PasswordAuthentication no\n"
          "KbdInteractiveAuthentication no\n"
          "PermitRootLogin prohibit-password\n"
          "AllowUsers " + user_name() + "\n"
          "Subsystem sftp /usr/lib/openssh/sftp-server\n");
    process_ = std::make_unique<proc::Subprocess>(
        proc::Command{{"timeout", "600", "/usr/sbin/sshd", "-D", "-e", "-f", (dir_ / "sshd_config").string()}},
        proc::Subprocess::Stdin::closed);
    wait_for_port(port_, "sshd");
}

LoopbackSshd::~LoopbackSshd() = default;  // Subprocess's destructor stops it (SIGTERM, passed on by timeout)

fs::path LoopbackSshd::client_config(const std::string& alias, bool trust_host_key, const std::string& extra) const {
    fs::path known_hosts = dir_ / (alias + "-known_hosts");
    std::string host_key = util::read_file(dir_ / "host_key.pub");
    write(known_hosts, trust_host_key ? "[127.0.0.1]:" + std::to_string(port_) + " " + host_key : "");
    fs::path config = dir_ / (alias + "-ssh_config");
    write(config, "Host " + alias + "\n"
                  "  HostName 127.0.0.1\n"
                  "  Port " + std::to_string(port_) + "\n"
                  "  User " + user_name() + "\n"
                  "  IdentityFile " + (dir_ / "user_key").string() + "\n"
                  "  IdentitiesOnly yes\n"
                  "  IdentityAgent none\n"
                  "  UserKnownHostsFile " + known_hosts.string() + "\n"
                  "  GlobalKnownHostsFile /dev/null\n" + extra);
    return config;
}

}  // namespace seriesctl::test
