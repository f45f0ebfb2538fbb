#pragma once

#include <string>
#include <string_view>

namespace seriesctl::mail {

/// A mail address with its display name, as written in To/Cc/From.
struct Address {
    std::string name;   ///< may be empty
    std::string email;  ///< local@domain

    /// "Name <local@domain>", or the bare address when there is no name.
    std::string formatted() const;
    /// Lower-cased address: two spellings of one mailbox compare equal.
    std::string key() const;
    /// How prose names the person: the display name, else the address.
    std::string display() const { return name.empty() ? email : name; }
};

/// Parses "Name <a@b>", "\"Name, Jr\" <a@b>" or "a@b". Returns an empty
/// optional-like Address (email empty) and sets `why` when the text is not a
/// single clean address: a CR, LF or other control character (a header
/// injection), no '@', an unbalanced '<', spaces inside the address.
Address parse_address(std::string_view text, std::string* why);

/// "Nicolas Dufresne <n@x>" -> "Nicolas Dufresne": the Address's display(),
/// or the text as written when it is not one address.
std::string display_name(std::string_view written);

}  // namespace seriesctl::mail
