#include "mail/mbox.h"

#include "util/error.h"

namespace seriesctl::mail {

namespace {

bool is_escaped_from(std::string_view line) {
    size_t quotes = line.find_first_not_of('>');
    return quotes != 0 && quotes != std::string_view::npos && line.substr(quotes).starts_with("From ");
}

// mboxrd writers put an empty line between messages; it is not the message's.
void close_message(std::vector<MboxMessage>& messages) {
    if (messages.empty()) return;
    std::string& text = messages.back().text;
    if (text.ends_with("\n\n")) text.pop_back();
    else if (text.ends_with("\r\n\r\n")) text.resize(text.size() - 2);
}

}  // namespace

std::vector<MboxMessage> split_mboxrd(std::string_view mbox, const std::string& where) {
    std::vector<MboxMessage> messages;
    size_t pos = 0;
    size_t line_number = 0;
    while (pos < mbox.size()) {
        size_t eol = mbox.find('\n', pos);
        size_t next = eol == std::string_view::npos ? mbox.size() : eol + 1;
        std::string_view line = mbox.substr(pos, next - pos);
        pos = next;
        ++line_number;
        if (line.starts_with("From ")) {
            close_message(messages);
            messages.push_back({"", line_number + 1});
            continue;
        }
        if (messages.empty())
            throw util::Error(where + ": line 1: not an mbox (it does not start with a \"From \" line)");
        if (is_escaped_from(line)) line.remove_prefix(1);
        messages.back().text += line;
    }
    close_message(messages);
    return messages;
}

}  // namespace seriesctl::mail
