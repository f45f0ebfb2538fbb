#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace seriesctl::build {

/// One definition of a config symbol in a kernel's Kconfig files: its
/// type, whether it has a prompt (so a .config can set it), and every
/// condition it needs: its own `depends on`, those of the menus, choices
/// and `if` blocks around it, and its prompt's `if`.
struct KconfigSymbol {
    std::string type;  ///< bool, tristate, string, int, hex (empty when not given here)
    bool prompt = false;
    std::vector<std::string> conditions;  ///< expressions, all of which must hold
};

/// Symbol name (without CONFIG_) → its definitions, in reading order.
using KconfigMenu = std::map<std::string, std::vector<KconfigSymbol>>;

/// Reads a kernel's Kconfig language from the top file "Kconfig", following
/// `source` lines ("$(SRCARCH)" is `srcarch`); `read(path)` gives a file's
/// text by its path in the tree, nullopt when there is none. Help texts,
/// selects, defaults and macros are skipped: only what a symbol depends on
/// is kept.
KconfigMenu read_kconfig_menu(const std::function<std::optional<std::string>(const std::string&)>& read,
                              const std::string& srcarch);

}  // namespace seriesctl::build
