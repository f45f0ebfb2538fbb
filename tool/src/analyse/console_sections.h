#pragma once

#include <map>
#include <string>

namespace seriesctl::analyse {

/// A guest's serial console cut at its markers: the text between
/// "@@seriesctl-begin NAME" and "@@seriesctl-end NAME" lines, by NAME, and
/// whether the "@@seriesctl-done" line came (the guest finished its script).
struct ConsoleSections {
    std::map<std::string, std::string> sections;
    bool done = false;
    /// The section's text, empty when the guest never printed it.
    std::string get(const std::string& name) const;
};

ConsoleSections split_console(const std::string& console);

}  // namespace seriesctl::analyse
