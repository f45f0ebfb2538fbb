#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seriesctl::mail {

/// One message cut out of an mbox: its text (headers and body, ">From "
/// unescaped) and the mbox line its headers start on, for messages.
struct MboxMessage {
    std::string text;
    size_t line = 0;
};

/// Splits an mboxrd file (what public-inbox serves): every line starting
/// with "From " begins a message, and one '>' is taken off each ">From ",
/// ">>From " … line. Text that does not start with a "From " line is an
/// Error naming `where`; an empty text holds no messages.
std::vector<MboxMessage> split_mboxrd(std::string_view mbox, const std::string& where);

}  // namespace seriesctl::mail
