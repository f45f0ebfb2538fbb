#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "proc/subprocess.h"

namespace seriesctl::test {

/// A real OpenSSH server on 127.0.0.1 for the current user, with a host key
/// and a user key ssh-keygen made for it in `dir`, on a free port. It runs
/// as `/usr/sbin/sshd -D -e -f <its config>` under `timeout`, so it ends by
/// itself even if the test dies, and stops when this object goes.
class LoopbackSshd {
public:
    explicit LoopbackSshd(const std::filesystem::path& dir);
    ~LoopbackSshd();
    LoopbackSshd(const LoopbackSshd&) = delete;
    LoopbackSshd& operator=(const LoopbackSshd&) = delete;

    int port() const { return port_; }
    /// An ssh client config for `ssh <alias>`: this server, the test's user
    /// key, and a known_hosts file holding this server's host key (or none
    /// when `trust_host_key` is false). `extra` lines go into the Host block.
    std::filesystem::path client_config(const std::string& alias, bool trust_host_key = true,
                                        const std::string& extra = "") const;

private:
    std::filesystem::path dir_;
    int port_;
    std::unique_ptr<proc::Subprocess> process_;
};

}  // namespace seriesctl::test
