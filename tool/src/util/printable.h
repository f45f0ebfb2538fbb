#pragma once

#include <string>
#include <string_view>

namespace seriesctl::util {

/// Text for a one-line message: CR, LF and tab as \r \n \t, any other
/// control character as \xNN, so a hostile value can neither break the line
/// nor end it early (a NUL would end what() for the caller).
std::string printable(std::string_view text);

/// True when `text` holds a control character other than tab (CR, LF, NUL,
/// DEL…): nothing that may go into one header line.
bool has_control_character(std::string_view text);

}  // namespace seriesctl::util
