#pragma once

#include <string>
#include <vector>

namespace seriesctl::validate {

/// What a LAVA job of the lane boots and expects: the same kernel,
/// initramfs, command line and probe verdict as a qemu lane boot.
struct LavaJobRequest {
    std::string name;         ///< job_name
    std::string device_type;  ///< "qemu"
    std::string kernel_url, initramfs_url;
    std::vector<std::string> kernel_args;  ///< the whole -append line, word by word
    std::string expected_probe;            ///< "fence" or "stub": what the monitor calls a pass
    int timeout_seconds = 300;             ///< the boot's bound, as the qemu lane's boot-timeout
};

/// The device types the lane can write a job for: those that boot the
/// lane's x86_64 kernel under qemu.
bool lava_device_type_supported(const std::string& device_type);

/// The job definition (YAML): deploy kernel and initramfs, boot, and a
/// monitor test that reads the console through the guest's whole script
/// (tool/guest/init): the probe's verdict and exit status become LAVA test
/// cases of "fence-probe", kernel reports in its dmesg those of
/// "kernel-reports", and the job ends at "@@seriesctl-done".
std::string lava_job_definition(const LavaJobRequest& request);

/// A device dictionary for `lava-run` of device type qemu on this machine:
/// qemu-system-x86_64 with KVM when usable, else TCG.
std::string local_qemu_device(bool kvm, int memory_mb, int cpus);

}  // namespace seriesctl::validate
