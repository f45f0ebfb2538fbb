#pragma once

#include <filesystem>

namespace seriesctl::util {

/// $XDG_CACHE_HOME/seriesctl (default ~/.cache/seriesctl): kernel trees,
/// build outputs, logs and traces. Tests point it at their own directory.
std::filesystem::path cache_dir();

/// $XDG_CONFIG_HOME/seriesctl (default ~/.config/seriesctl): the user's
/// overrides of the shipped config/.
std::filesystem::path user_config_dir();

}  // namespace seriesctl::util
