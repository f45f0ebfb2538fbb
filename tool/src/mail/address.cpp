#include "mail/address.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace seriesctl::mail {

namespace {

bool valid_email(const std::string& email) {
    auto at = email.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == email.size()) return false;
    if (email.find('@', at + 1) != std::string::npos) return false;
    return std::none_of(email.begin(), email.end(), [](unsigned char c) {
        return c <= ' ' || c == '<' || c == '>' || c == ',' || c == '"' || c == 0x7f;
    });
}

bool needs_quotes(const std::string& name) {
    return name.find_first_of(",;:.@<>()[]\\") != std::string::npos && name.front() != '"';
}

}  // namespace

std::string Address::formatted() const {
    if (name.empty()) return email;
    return (needs_quotes(name) ? "\"" + name + "\"" : name) + " <" + email + ">";
}

std::string Address::key() const {
    return util::lowercase(email);
}

Address parse_address(std::string_view text, std::string* why) {
    auto refuse = [&](const std::string& reason) {
        if (why) *why = reason;
        return Address{};
    };
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f)
            return refuse(c == '\n' || c == '\r' ? "contains a line break (header injection)"
                                                 : "contains a control character");
    Address address;
    auto open = text.rfind('<');
    if (open == std::string_view::npos) {
        if (text.find('>') != std::string_view::npos) return refuse("has '>' without '<'");
        address.email = util::trimmed(text);
    } else {
        auto close = text.find('>', open);
        if (close == std::string_view::npos || util::trimmed(text.substr(close + 1)) != "")
            return refuse("has an unbalanced '<'");
        address.email = util::trimmed(text.substr(open + 1, close - open - 1));
        address.name = util::trimmed(text.substr(0, open));
        if (address.name.size() >= 2 && address.name.front() == '"' && address.name.back() == '"')
            address.name = address.name.substr(1, address.name.size() - 2);
        if (address.name.find_first_of("<>\"") != std::string::npos)
            return refuse("has '<', '>' or '\"' inside the display name");
    }
    if (!valid_email(address.email)) return refuse("is not a mail address");
    return address;
}

std::string display_name(std::string_view written) {
    Address address = parse_address(written, nullptr);
    return address.email.empty() ? std::string(written) : address.display();
}

}  // namespace seriesctl::mail
