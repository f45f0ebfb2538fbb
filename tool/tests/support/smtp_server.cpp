#include "support/smtp_server.h"

#include "support/public_inbox.h"
#include "support/temp_dir.h"
#include "support/source_paths.h"

namespace seriesctl::test {

SmtpServer::SmtpServer(const std::filesystem::path& dir, int stop_after) : dir_(dir), port_(free_port()) {
    std::filesystem::create_directories(dir_);
    proc::Command command{
        {"timeout", "300", "/usr/bin/python3", test::source_dir() + "/tool/tests/support/smtp_sink.py", "--port",
         std::to_string(port_), "--mbox", mbox().string(), "--envelopes", envelopes().string(), "--stop-after",
         std::to_string(stop_after)},
        {},
        {}};
    process_ = std::make_unique<proc::Subprocess>(command, proc::Subprocess::Stdin::closed);
    wait_for_port(port_, "smtp_sink.py");
}

SmtpServer::~SmtpServer() = default;  // Subprocess's destructor stops it (SIGTERM, passed on by timeout)

void write_send_email_config(const std::filesystem::path& file, int port, const std::string& from) {
    write(file, "[user]\n\tname = seriesctl test\n\temail = test@example.org\n"
                "[sendemail]\n\tsmtpserver = 127.0.0.1\n\tsmtpserverport = " +
                    std::to_string(port) + "\n\tfrom = " + from + "\n");
}

}  // namespace seriesctl::test
