#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace seriesctl::validate {

/// The LAVA server `validate --hw lava:TYPE` submits to (the `lava:` entry
/// of config/hosts.yaml). Without one, device type qemu runs here with
/// lava-run.
struct LavaFarm {
    std::string identity;           ///< a lavacli identity (~/.config/lavacli.yaml)
    std::filesystem::path publish;  ///< where a run's kernel and initramfs are copied …
    std::string url;                ///< … and the URL the farm's dispatchers fetch that directory by
    int polling = 10;               ///< seconds between looks at the job
    int wait = 3600;                ///< seconds to wait for it, time in the queue included
};

/// The `lava:` entry of one hosts.yaml text; nullopt when it has none.
/// Errors name file:line:col and the field.
std::optional<LavaFarm> parse_lava_farm(const std::string& text, const std::string& file);

/// hosts.yaml by the rule of config/layered.h: the user's `lava:` entry
/// replaces the project's whole.
std::optional<LavaFarm> load_lava_farm(const std::filesystem::path& project_config,
                                       const std::filesystem::path& user_config);

}  // namespace seriesctl::validate
