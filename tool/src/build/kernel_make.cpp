#include "build/kernel_make.h"

#include "core/error.h"
#include "util/atomic_file.h"

namespace fs = std::filesystem;

namespace seriesctl {

std::string KernelMake::compiler() const {
    std::string gcc = arch.cross_compile + "gcc";
    return ccache ? "ccache " + gcc : gcc;
}

Command KernelMake::command(const std::vector<std::string>& args) const {
    Command command{{"make", "-C", source.string(), "O=" + output.string(), "ARCH=" + arch.arch,
                     "-j" + std::to_string(jobs), "CC=" + compiler(), "KBUILD_ABS_SRCTREE=1"}};
    if (!arch.cross_compile.empty()) command.argv.push_back("CROSS_COMPILE=" + arch.cross_compile);
    command.argv.insert(command.argv.end(), args.begin(), args.end());
    return command;
}

std::vector<std::string> configure_kernel(const KernelMake& make, const fs::path& fragment, const std::string& stamp,
                                          const std::function<bool(const std::string& symbol)>& defined) {
    fs::path config = make.output / ".config";
    fs::path stamp_file = make.output / ".seriesctl-config";
    KconfigValues wanted = parse_kconfig(read_file(fragment));
    std::string where = make.arch.name + "/" + fragment.stem().string();
    if (!(fs::exists(config) && fs::exists(stamp_file) && read_file(stamp_file) == stamp + "\n")) {
        fs::create_directories(make.output);
        fs::remove(stamp_file);
        run_checked(make.command({make.arch.defconfig}), where + ": make " + make.arch.defconfig);
        run_checked(Command{{(make.source / "scripts" / "kconfig" / "merge_config.sh").string(), "-m", "-O",
                             make.output.string(), config.string(), fs::absolute(fragment).string()},
                            make.output,
                            {{"ARCH", make.arch.arch}}},
                    where + ": merge_config.sh");
        run_checked(make.command({"olddefconfig"}), where + ": make olddefconfig");
    }
    std::vector<std::string> not_in_tree;
    for (const auto& mismatch : fragment_mismatches(wanted, parse_kconfig(read_file(config)))) {
        if (!defined(mismatch.symbol)) {
            not_in_tree.push_back(mismatch.symbol);
            continue;
        }
        throw Error(where + ": make olddefconfig set " + mismatch.symbol + "=" + mismatch.got + " but " +
                    fragment.filename().string() + " wants " + mismatch.wanted +
                    " (a dependency is not met); the build would not be what the fragment says");
    }
    write_file_atomically(stamp_file, stamp + "\n");
    return not_in_tree;
}

bool kconfig_defines(const fs::path& git_dir, const git_oid& tree, const std::string& symbol) {
    std::string name = symbol.substr(std::string("CONFIG_").size());
    ProcessResult grep = run_command(Command{{"git", "--git-dir=" + git_dir.string(), "grep", "-q", "-E",
                                              "^\\s*(menu)?config " + name + "\\s*$", git::to_string(tree), "--",
                                              ":(glob)**/Kconfig*"}});
    return grep.exit_code == 0;
}

}  // namespace seriesctl
