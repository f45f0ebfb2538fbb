#include "build/kernel_make.h"

namespace seriesctl::build {

std::string KernelMake::compiler() const {
    std::string gcc = arch.cross_compile + "gcc";
    return ccache ? "ccache " + gcc : gcc;
}

proc::Command KernelMake::command(const std::vector<std::string>& args) const {
    proc::Command command{{"make", "-C", source.string(), "O=" + output.string(), "ARCH=" + arch.arch,
                     "-j" + std::to_string(jobs), "CC=" + compiler(), "KBUILD_ABS_SRCTREE=1"}};
    // The host programs (kconfig, fixdep, objtool, dtc) go through the
    // compiler cache too: a new build directory is then cheap to prepare.
    if (ccache) command.argv.push_back("HOSTCC=ccache gcc");
    if (!arch.cross_compile.empty()) command.argv.push_back("CROSS_COMPILE=" + arch.cross_compile);
    command.argv.insert(command.argv.end(), args.begin(), args.end());
    return command;
}

}  // namespace seriesctl::build
