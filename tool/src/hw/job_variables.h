#pragma once

#include <map>
#include <string>
#include <vector>

namespace seriesctl::hw {

/// Values for `{name}` references in job text (config/hosts.yaml).
using Variables = std::map<std::string, std::string>;

/// The variables `text` refers to as `{name}`, in order of appearance.
/// A name is lower-case letters, digits and '-', starting with a letter; any
/// other brace (a shell's `${HOME}`, `{a,b}`) is left alone as text.
std::vector<std::string> variable_names(const std::string& text);

/// `text` with each reference whose variable has a value replaced; references
/// without one stay as they are (a plan shows what a later step fills in).
std::string substitute(const std::string& text, const Variables& values);

}  // namespace seriesctl::hw
