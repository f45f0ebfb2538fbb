#pragma once

#include <string>
#include <vector>

#include "mail/address.h"

namespace seriesctl::mail {

/// An address checked for a mail header; anything but one clean address (a
/// line break, a bare CR, a second header smuggled into a name) is an Error
/// naming `field` ("series/x.yaml: versions[v2].cc[3]"), never a recipient.
Address recipient(const std::string& text, const std::string& field);

/// To/Cc of one mail: addresses kept in the order they were added, each
/// mailbox once (compared case-insensitively), the first display name kept.
class RecipientSet {
public:
    /// Adds the address unless the set holds that mailbox already.
    void add(const Address& address);
    void add_all(const std::vector<Address>& addresses);
    bool contains(const Address& address) const;
    /// Takes the address out (the sender: never their own Cc).
    void remove(const Address& address);
    /// Every address of `other` taken out of this set (who is in To is not in Cc too).
    void remove_all(const RecipientSet& other);

    const std::vector<Address>& addresses() const { return addresses_; }
    bool empty() const { return addresses_.empty(); }
    /// "A <a@x>, b@y" for a header (not encoded).
    std::string joined() const;

private:
    std::vector<Address> addresses_;
};

/// To and Cc of one mail.
struct Recipients {
    RecipientSet to;
    RecipientSet cc;

    /// The sender taken out of both, and Cc cleared of what To holds.
    void settle(const Address& sender);
};

}  // namespace seriesctl::mail
