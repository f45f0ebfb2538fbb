#pragma once

#include <map>
#include <string>
#include <vector>

namespace seriesctl {

/// Values for `{name}` placeholders in job text (config/hosts.yaml).
using Variables = std::map<std::string, std::string>;

/// The names of the `{name}` placeholders in `text`, in order of appearance.
/// A name is lower-case letters, digits and '-', starting with a letter; any
/// other brace (a shell's `${HOME}`, `{a,b}`) is left alone as text.
std::vector<std::string> placeholders(const std::string& text);

/// `text` with each placeholder that has a value replaced; placeholders
/// without one stay as they are (a plan shows what a later step fills in).
std::string substitute(const std::string& text, const Variables& values);

}  // namespace seriesctl
