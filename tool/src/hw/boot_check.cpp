#include "hw/boot_check.h"

#include <regex>

namespace seriesctl::hw {

const char* boot_probe_script() { return "cat /proc/sys/kernel/random/boot_id && uname -r"; }

std::optional<BootProbe> parse_boot_probe(const std::vector<std::string>& lines) {
    static const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // The two lines are the last ones: a login banner may come first.
    if (lines.size() < 2) return std::nullopt;
    const std::string& id = lines[lines.size() - 2];
    const std::string& release = lines.back();
    if (!std::regex_match(id, uuid) || release.empty()) return std::nullopt;
    return BootProbe{id, release};
}

BootState judge_boot(const std::string& boot_id_before, const BootProbe& now, const std::string& expected_release) {
    if (now.boot_id == boot_id_before) return BootState::same_boot;
    return now.release == expected_release ? BootState::back : BootState::wrong_kernel;
}

}  // namespace seriesctl::hw
