#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/address.h"

namespace seriesctl::mail {

/// What a kernel tree knows about people's addresses: .mailmap (old
/// address → current one) and MAINTAINERS (the M:/R: people and the L:
/// lists). Addresses move; an extra Cc written by hand is checked here.
class AddressBook {
public:
    /// Reads the texts of the tree's .mailmap and MAINTAINERS.
    AddressBook(std::string_view mailmap, std::string_view maintainers);

    /// Whether MAINTAINERS names this address as a mailing list (L:).
    bool is_list(const Address& address) const;

    /// The current address for `address`, when the tree knows a newer one:
    /// from .mailmap by address (and name, where the entry gives one), else
    /// from MAINTAINERS when the display name is there with exactly one
    /// other address. nullopt when the address is current.
    std::optional<Address> current(const Address& address) const;

private:
    struct MailmapEntry {
        Address proper;  ///< name may be empty: keep the one written
        Address commit;  ///< name empty: any name matches
    };
    std::vector<MailmapEntry> mailmap_;
    std::vector<Address> people_;  ///< M: and R:
    std::vector<std::string> lists_;  ///< keys of L: addresses
};

}  // namespace seriesctl::mail
