#include "build/kernel_config.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "build/kconfig_expr.h"
#include "build/kconfig_menu.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace fs = std::filesystem;

namespace seriesctl::build {

namespace {

// Each time a round adds symbols the configuration is made again; a chain
// of dependencies longer than this is not followed.
const int max_rounds = 8;

std::string as_fragment(const KconfigValues& values) {
    std::string text;
    for (const auto& [symbol, value] : values)
        text += value == "n" ? "# " + symbol + " is not set\n" : symbol + "=" + value + "\n";
    return text;
}

void make_config(const KernelMake& make, const fs::path& wanted, const std::string& where) {
    const std::string& base = make.arch.defconfig;
    if (base.rfind("all", 0) == 0) {
        proc::Command command = make.command({base});
        command.env.push_back({"KCONFIG_ALLCONFIG", fs::absolute(wanted).string()});
        proc::run_checked(command, where + ": make " + base);
        return;
    }
    proc::run_checked(make.command({base}), where + ": make " + base);
    proc::run_checked(proc::Command{{(make.source / "scripts" / "kconfig" / "merge_config.sh").string(), "-m", "-O",
                         make.output.string(), (make.output / ".config").string(), fs::absolute(wanted).string()},
                        make.output,
                        {{"ARCH", make.arch.arch}}},
                where + ": merge_config.sh");
    proc::run_checked(make.command({"olddefconfig"}), where + ": make olddefconfig");
}

// The symbols whose values would let the mismatched ones keep theirs, that
// the wanted set does not name yet; empty when nothing more can be done.
std::vector<std::string> unmet_dependencies(const KconfigMenu& menu, const std::vector<KconfigMismatch>& mismatches,
                                            const KconfigValues& config, const KconfigValues& wanted) {
    auto settable = [&](const std::string& name) {
        auto found = menu.find(name);
        if (found == menu.end()) return false;
        for (const auto& definition : found->second)
            if (definition.prompt) return true;
        return false;
    };
    std::vector<std::string> added;
    for (const auto& mismatch : mismatches) {
        auto found = menu.find(mismatch.symbol.substr(std::string("CONFIG_").size()));
        if (found == menu.end()) continue;
        for (const auto& definition : found->second)
            for (const auto& condition : definition.conditions)
                for (const auto& name : kconfig_symbols_to_meet(parse_kconfig_expr(condition), config, settable)) {
                    std::string symbol = "CONFIG_" + name;
                    if (!wanted.count(symbol) && std::find(added.begin(), added.end(), symbol) == added.end())
                        added.push_back(symbol);
                }
    }
    return added;
}

KconfigMenu read_menu(const KernelMake& make) {
    return read_kconfig_menu(
        [&](const std::string& path) -> std::optional<std::string> {
            std::error_code ec;
            if (!fs::is_regular_file(make.source / path, ec)) return std::nullopt;
            return util::read_file(make.source / path);
        },
        kernel_srcarch(make.arch.arch));
}

nlohmann::json to_json(const KernelConfig& config) {
    return {{"not-in-tree", config.not_in_tree}, {"added", config.added}};
}

}  // namespace

std::string kernel_srcarch(const std::string& arch) {
    if (arch == "x86_64" || arch == "i386") return "x86";
    if (arch == "sparc64") return "sparc";
    return arch;
}

bool kconfig_defines(const fs::path& source, const std::string& symbol) {
    std::string name = symbol.substr(std::string("CONFIG_").size());
    proc::ProcessResult grep = run_command(proc::Command{
        {"grep", "-rqE", "--include=Kconfig*", "^\\s*(menu)?config " + name + "\\s*$", source.string()}});
    return grep.exit_code == 0;
}

KernelConfig configure_kernel(const KernelMake& make, const fs::path& fragment, const std::string& stamp,
                              const fs::path& kept_dir) {
    fs::path config_file = make.output / ".config";
    fs::path stamp_file = make.output / ".seriesctl-config";
    fs::path kept_config = kept_dir / (stamp + ".config");
    fs::path kept_result = kept_dir / (stamp + ".json");
    KconfigValues fragment_values = parse_kconfig(util::read_file(fragment));
    std::string where = make.arch.name + "/" + fragment.stem().string();
    fs::create_directories(make.output);

    KernelConfig result;
    if (fs::exists(kept_config) && fs::exists(kept_result)) {
        auto saved = nlohmann::json::parse(util::read_file(kept_result), nullptr, false);
        if (!saved.is_discarded()) {
            result.not_in_tree = saved["not-in-tree"].get<std::vector<std::string>>();
            result.added = saved["added"].get<std::vector<std::string>>();
            result.kept = true;
            bool in_place =
                fs::exists(stamp_file) && util::read_file(stamp_file) == stamp + "\n" && fs::exists(config_file);
            if (!in_place) {
                fs::remove(stamp_file);
                std::string text = util::read_file(kept_config);
                if (!fs::exists(config_file) || util::read_file(config_file) != text)
                    util::write_file_atomically(config_file, text);
            }
        }
    }
    if (!result.kept) {
        fs::remove(stamp_file);
        KconfigValues wanted = fragment_values;
        for (const auto& [symbol, value] : fragment_values)
            if (value == "m" && wanted.emplace("CONFIG_MODULES", "y").second)  // a module needs module support
                result.added.push_back("CONFIG_MODULES");
        std::optional<KconfigMenu> menu;  // read only when a symbol is lost
        fs::path wanted_file = make.output / ".seriesctl-wanted.config";
        for (int round = 0; round < max_rounds; ++round) {
            util::write_file_atomically(wanted_file, as_fragment(wanted));
            make_config(make, wanted_file, where);
            KconfigValues config = parse_kconfig(util::read_file(config_file));
            auto mismatches = fragment_mismatches(wanted, config);
            if (mismatches.empty()) break;
            if (!menu) menu = read_menu(make);
            auto added = unmet_dependencies(*menu, mismatches, config, wanted);
            if (added.empty()) break;
            for (const auto& symbol : added) {
                wanted[symbol] = "y";
                result.added.push_back(symbol);
            }
        }
    }

    // Every fragment symbol (not only those added) is checked in the
    // .config in place, kept or made.
    result.not_in_tree.clear();
    for (const auto& mismatch : fragment_mismatches(fragment_values, parse_kconfig(util::read_file(config_file)))) {
        if (!kconfig_defines(make.source, mismatch.symbol)) {
            result.not_in_tree.push_back(mismatch.symbol);
            continue;
        }
        throw util::Error(where + ": the configuration set " + mismatch.symbol + "=" + mismatch.got + " but " +
                    fragment.filename().string() + " wants " + mismatch.wanted +
                    " (a dependency is not met); the build would not be what the fragment says");
    }
    if (!result.kept) {
        fs::create_directories(kept_dir);
        util::write_file_atomically(kept_config, util::read_file(config_file));
        util::write_file_atomically(kept_result, to_json(result).dump());
    }
    util::write_file_atomically(stamp_file, stamp + "\n");
    return result;
}

}  // namespace seriesctl::build
