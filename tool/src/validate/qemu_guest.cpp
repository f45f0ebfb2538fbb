#include "validate/qemu_guest.h"

#include <chrono>
#include <unistd.h>

#include "proc/subprocess.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/text.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace seriesctl::validate {

namespace {

const fs::path busybox = "/bin/busybox";  // Debian busybox-static

// Compiles a C file once per content into dir/<name>-<hash>.
fs::path compiled(const fs::path& dir, const std::string& name, const std::string& source,
                  const std::vector<std::string>& flags) {
    std::string key = util::sha256_hex(source + '\0' + [&] {
                          std::string all;
                          for (const auto& flag : flags) all += flag + ' ';
                          return all;
                      }()).substr(0, 16);
    fs::path binary = dir / (name + "-" + key);
    if (fs::exists(binary)) return binary;
    fs::create_directories(dir);
    fs::path source_file = dir / (name + "-" + key + ".c");
    util::write_file_atomically(source_file, source);
    fs::path partial = binary;
    partial += ".partial";
    proc::Command gcc{{"gcc"}};
    gcc.argv.insert(gcc.argv.end(), flags.begin(), flags.end());
    gcc.argv.insert(gcc.argv.end(), {"-o", partial.string(), source_file.string()});
    proc::run_checked(gcc, "compiling " + name);
    fs::rename(partial, binary);
    return binary;
}

}  // namespace

bool kvm_usable() {
    if (access("/dev/kvm", R_OK | W_OK) != 0) return false;
    std::string cpuinfo = util::read_file("/proc/cpuinfo");
    return cpuinfo.find(" vmx") != std::string::npos || cpuinfo.find(" svm") != std::string::npos;
}

fs::path build_initramfs(const fs::path& dir, const std::string& gen_init_cpio_source) {
    if (!fs::exists(busybox)) throw util::Error(busybox.string() + " is missing: apt-get install busybox-static");
    const fs::path guest = SERIESCTL_GUEST_DIR;
    fs::path probe =
        compiled(dir, "fence_probe", util::read_file(guest / "fence_probe.c"), {"-static", "-O2", "-Wall"});
    fs::path gen_init_cpio = compiled(dir, "gen_init_cpio", gen_init_cpio_source, {"-O2"});
    fs::path init = guest / "init";
    std::string list = "dir /dev 0755 0 0\n"
                       "nod /dev/console 0600 0 0 c 5 1\n"
                       "dir /bin 0755 0 0\n"
                       "dir /proc 0755 0 0\n"
                       "dir /sys 0755 0 0\n"
                       "file /bin/busybox " + busybox.string() + " 0755 0 0\n"
                       "file /bin/fence_probe " + probe.string() + " 0755 0 0\n"
                       "file /init " + fs::absolute(init).string() + " 0755 0 0\n";
    std::string key = util::sha256_hex(list + util::read_file(busybox) + util::read_file(probe) + util::read_file(init))
                          .substr(0, 16);
    fs::path cpio = dir / ("initramfs-" + key + ".cpio");
    if (fs::exists(cpio)) return cpio;
    fs::path list_file = dir / ("initramfs-" + key + ".list");
    util::write_file_atomically(list_file, list);
    proc::ProcessResult packed =
        proc::run_checked(proc::Command{{gen_init_cpio.string(), "-t", "0", list_file.string()}}, "gen_init_cpio");
    util::write_file_atomically(cpio, packed.out);
    return cpio;
}

std::vector<std::string> kernel_command_line(const BootRequest& request) {
    // An Oops in the probe leaves its locks held and the guest hung: panic
    // instead, which reboots (panic=-1) and so ends qemu at once.
    std::vector<std::string> words = {"console=ttyS0", "loglevel=4", "oops=panic", "panic=-1"};
    words.insert(words.end(), request.append.begin(), request.append.end());
    return words;
}

std::vector<std::string> qemu_command(const BootRequest& request) {
    std::string append = util::joined(kernel_command_line(request), " ");
    std::vector<std::string> command = {"timeout", "--kill-after=10", std::to_string(request.timeout_seconds),
                                        "qemu-system-x86_64"};
    if (request.kvm) command.insert(command.end(), {"-accel", "kvm"});
    command.insert(command.end(), {"-accel", "tcg", "-m", std::to_string(request.memory_mb), "-smp",
                                   std::to_string(request.cpus), "-display", "none", "-monitor", "none", "-serial",
                                   "stdio", "-no-reboot", "-kernel", request.kernel.string(), "-initrd",
                                   request.initramfs.string(), "-append", append});
    return command;
}

BootResult boot_qemu(const BootRequest& request) {
    if (!proc::program_exists("qemu-system-x86_64"))
        throw util::Error("qemu-system-x86_64 is missing: apt-get install qemu-system-x86");
    auto start = std::chrono::steady_clock::now();
    proc::ProcessResult run = run_command(proc::Command{qemu_command(request)});
    BootResult result;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.console = run.out;
    result.exit_code = run.exit_code;
    result.timed_out = run.exit_code == 124 || run.exit_code == 128 + 9;
    result.accelerator = request.kvm ? "kvm" : "tcg";
    if (!run.err.empty() && result.console.empty()) result.console = run.err;
    return result;
}

}  // namespace seriesctl::validate
