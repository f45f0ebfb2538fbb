#include "proc/send_email.h"

#include <algorithm>

#include "proc/subprocess.h"
#include "util/error.h"

namespace seriesctl::proc {

void git_send_email(const std::filesystem::path& mail, const std::string& from, const mail::Recipients& recipients) {
    Command command{{"git", "send-email", "--confirm=never", "--no-thread", "--suppress-cc=all",
                     "--no-signed-off-by-cc", "--no-to", "--no-cc", "--no-bcc", "--no-annotate", "--no-format-patch",
                     "--8bit-encoding=UTF-8", "--from=" + from},
                    {},
                    {}};
    for (const auto& address : recipients.to.addresses()) command.argv.push_back("--to=" + address.formatted());
    for (const auto& address : recipients.cc.addresses()) command.argv.push_back("--cc=" + address.formatted());
    command.argv.push_back(mail.string());
    ProcessResult result = run_command(command);
    if (!result.ok()) {
        std::string why = result.tail(2);
        std::replace(why.begin(), why.end(), '\n', ' ');
        throw util::Error("git send-email did not deliver " + mail.filename().string() + ": " + why);
    }
}

}  // namespace seriesctl::proc
