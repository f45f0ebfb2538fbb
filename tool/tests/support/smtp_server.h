#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "proc/subprocess.h"

namespace seriesctl::test {

/// A real SMTP server (python3-aiosmtpd, tests/support/smtp_sink.py) on
/// 127.0.0.1 that appends what it accepts to `dir`/received.mbox and each
/// envelope to `dir`/envelopes.jsonl. With `stop_after` > 0 it exits after
/// accepting that many messages. It runs under `timeout` and is stopped
/// when this object goes.
class SmtpServer {
public:
    SmtpServer(const std::filesystem::path& dir, int stop_after = 0);
    ~SmtpServer();
    SmtpServer(const SmtpServer&) = delete;
    SmtpServer& operator=(const SmtpServer&) = delete;

    int port() const { return port_; }
    std::filesystem::path mbox() const { return dir_ / "received.mbox"; }
    std::filesystem::path envelopes() const { return dir_ / "envelopes.jsonl"; }

private:
    std::filesystem::path dir_;
    int port_;
    std::unique_ptr<proc::Subprocess> process_;
};

/// A GIT_CONFIG_GLOBAL for git send-email to that server: sendemail.smtpserver,
/// smtpserverport, from; written into `file`.
void write_send_email_config(const std::filesystem::path& file, int port, const std::string& from);

}  // namespace seriesctl::test
