// libFuzzer: a public-inbox answer as `watch` reads it: gzip, then mboxrd,
// then each message.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mail/mail.h"
#include "mail/mbox.h"
#include "util/error.h"
#include "util/gzip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view answer(reinterpret_cast<const char*>(data), size);
    try {
        std::string mbox = seriesctl::util::gunzip(answer, "fuzz", size_t{16} << 20);
        for (const auto& message : seriesctl::mail::split_mboxrd(mbox, "fuzz")) {
            try {
                seriesctl::mail::parse_mail(message.text, "fuzz", message.line);
            } catch (const seriesctl::util::Error&) {
            }
        }
    } catch (const seriesctl::util::Error&) {
    }
    return 0;
}
