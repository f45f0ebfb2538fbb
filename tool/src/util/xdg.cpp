#include "util/xdg.h"

#include <cstdlib>

#include "util/error.h"

namespace seriesctl::util {

namespace {

std::filesystem::path base(const char* variable, const char* fallback) {
    const char* value = std::getenv(variable);
    if (value && *value) return std::filesystem::path(value) / "seriesctl";
    const char* home = std::getenv("HOME");
    if (!home || !*home) throw Error(std::string("neither ") + variable + " nor HOME is set");
    return std::filesystem::path(home) / fallback / "seriesctl";
}

}  // namespace

std::filesystem::path cache_dir() { return base("XDG_CACHE_HOME", ".cache"); }
std::filesystem::path user_config_dir() { return base("XDG_CONFIG_HOME", ".config"); }

}  // namespace seriesctl::util
