#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace seriesctl::validate {

/// The guest userland of the qemu lane: Debian's static busybox, the
/// fence_probe test (tool/guest/fence_probe.c, built with the host gcc
/// -static) and tool/guest/init, packed by the kernel's own gen_init_cpio
/// with every timestamp 0 (no root needed; the same inputs give the same
/// bytes). `gen_init_cpio_source` is usr/gen_init_cpio.c of the tree.
/// Kept under `dir`, keyed by its inputs; returns the cpio file.
std::filesystem::path build_initramfs(const std::filesystem::path& dir, const std::string& gen_init_cpio_source);

/// Whether KVM can run a guest here: /dev/kvm opens and the CPU has
/// vmx/svm. A /dev/kvm without them (some sandboxes) accepts the guest and
/// then never runs it, so `-accel kvm` would hang instead of falling back.
bool kvm_usable();

struct BootRequest {
    std::filesystem::path kernel;     ///< bzImage
    std::filesystem::path initramfs;
    std::vector<std::string> append;  ///< kernel command line words after the lane's own
    int timeout_seconds = 300;
    int memory_mb = 512;
    int cpus = 2;
    bool kvm = kvm_usable();
};

struct BootResult {
    std::string console;  ///< the serial console, as the guest wrote it
    bool timed_out = false;
    int exit_code = 0;
    double seconds = 0;
    std::string accelerator;  ///< "kvm" or "tcg"; for a LAVA boot, where it ran
    std::string failure;      ///< the boot's own failure (a LAVA job that failed), judged a problem
};

/// Boots the kernel under qemu-system-x86_64 (`-accel kvm -accel tcg` when
/// KVM is usable, else `-accel tcg`) with the serial console on stdout and
/// -no-reboot, so the guest's reboot ends qemu; killed after the timeout.
BootResult boot_qemu(const BootRequest& request);

/// The kernel command line of a boot: the lane's console and panic
/// settings, then the request's words.
std::vector<std::string> kernel_command_line(const BootRequest& request);

/// The qemu command line boot_qemu runs (for --dry-run plans).
std::vector<std::string> qemu_command(const BootRequest& request);

}  // namespace seriesctl::validate
