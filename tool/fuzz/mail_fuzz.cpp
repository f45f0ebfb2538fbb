// libFuzzer: the mbox splitter, the RFC 5322 header parser, RFC 2047 and
// charset decoding and the body reader, as `watch` meets them in an archive.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mail/mail.h"
#include "mail/mbox.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    seriesctl::mail::decode_rfc2047(text);
    seriesctl::mail::message_ids(text);
    try {
        seriesctl::mail::parse_mail(text, "fuzz");
    } catch (const seriesctl::util::Error&) {
    }
    try {
        for (const auto& message : seriesctl::mail::split_mboxrd(text, "fuzz")) {
            try {
                seriesctl::mail::parse_mail(message.text, "fuzz", message.line);
            } catch (const seriesctl::util::Error&) {
            }
        }
    } catch (const seriesctl::util::Error&) {
    }
    return 0;
}
