#include "mail/recipients.h"

#include <algorithm>

#include "util/error.h"

namespace seriesctl::mail {

Address recipient(const std::string& text, const std::string& field) {
    std::string why;
    Address address = parse_address(text, &why);
    if (address.email.empty()) {
        std::string shown = text;
        std::replace(shown.begin(), shown.end(), '\n', ' ');
        std::replace(shown.begin(), shown.end(), '\r', ' ');
        throw util::Error(field + ": \"" + shown + "\" " + why + "; not a recipient");
    }
    return address;
}

void RecipientSet::add(const Address& address) {
    if (!contains(address)) addresses_.push_back(address);
}

void RecipientSet::add_all(const std::vector<Address>& addresses) {
    for (const auto& address : addresses) add(address);
}

bool RecipientSet::contains(const Address& address) const {
    return std::any_of(addresses_.begin(), addresses_.end(),
                       [&](const Address& held) { return held.key() == address.key(); });
}

void RecipientSet::remove(const Address& address) {
    std::erase_if(addresses_, [&](const Address& held) { return held.key() == address.key(); });
}

void RecipientSet::remove_all(const RecipientSet& other) {
    for (const auto& address : other.addresses()) remove(address);
}

std::string RecipientSet::joined() const {
    std::string out;
    for (const auto& address : addresses_) out += (out.empty() ? "" : ", ") + address.formatted();
    return out;
}

void Recipients::settle(const Address& sender) {
    to.remove(sender);
    cc.remove(sender);
    cc.remove_all(to);
}

}  // namespace seriesctl::mail
