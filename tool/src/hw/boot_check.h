#pragma once

#include <optional>
#include <string>
#include <vector>

namespace seriesctl::hw {

/// What a board says about the boot it is in.
struct BootProbe {
    std::string boot_id;  ///< /proc/sys/kernel/random/boot_id: new on every boot
    std::string release;  ///< uname -r
};

/// The shell text that prints a BootProbe.
const char* boot_probe_script();

/// Reads the output of boot_probe_script(); nullopt when it is not that.
std::optional<BootProbe> parse_boot_probe(const std::vector<std::string>& lines);

enum class BootState {
    same_boot,     ///< not rebooted (yet): the boot id is the one from before
    back,          ///< a new boot, running the expected kernel
    wrong_kernel,  ///< a new boot, but another kernel (the bootloader picked the old one)
};

/// Judges a probe taken after a reboot against the boot id from before it.
BootState judge_boot(const std::string& boot_id_before, const BootProbe& now, const std::string& expected_release);

}  // namespace seriesctl::hw
