#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "analyse/fence_probe.h"
#include "analyse/validation_summary.h"
#include "config/tree_config.h"
#include "repo/project.h"
#include "validate/qemu_guest.h"

namespace seriesctl::validate {

struct QemuLaneRequest {
    std::string series;
    std::string version;  ///< empty: the newest
    bool ab = false;      ///< also boot the base kernel (without the series), which must show the stub fence
    bool dry_run = false; ///< print the plan, build and record nothing
    std::vector<std::string> boot_args;  ///< extra kernel command line words
    int jobs = 1;
};

/// One kernel of the lane: built (or reused), booted, and judged.
struct QemuKernelRun {
    std::string label;           ///< "patched" (version + overlay) or "base"
    std::string expected_probe;  ///< "fence" or "stub"
    std::string key;             ///< identity of its inputs (tree, fragment, compiler)
    std::vector<std::string> patches;  ///< what sits on the base, in order
    bool reused = false;         ///< an identical kernel was built before
    double build_seconds = 0, boot_seconds = 0;
    std::string accelerator;
    bool finished = false;       ///< the guest reached the end of its script
    analyse::FenceProbeResult probe;
    analyse::ValidationSummary summary;
    std::filesystem::path artifacts;  ///< console, trace, dmesg, summaries (in the cache)
};

/// One kernel of the lane as the boot sees it.
struct LaneKernel {
    std::string label;           ///< "patched" or "base"
    std::string expected_probe;  ///< "fence" or "stub"
    std::filesystem::path dir;   ///< its artifacts directory
    std::string title;           ///< "vb2-release-fence v2 patched"
};

/// Where the lane's kernels boot. The qemu lane runs qemu here; the LAVA
/// lane hands each kernel to a LAVA dispatcher. Either way the console is
/// judged the same, by the same analysers.
struct LaneBoot {
    /// "qemu" records gate "qemu"; any other lane "<lane>-fence" (probe
    /// verdict, trace balance) and "<lane>-lockdep" (no kernel report in
    /// the series' code).
    std::string lane = "qemu";
    std::function<BootResult(const BootRequest&, const LaneKernel&, const std::function<void(const std::string&)>&)>
        boot;
    /// The boot of --dry-run's plan (a command line, a job definition).
    std::function<std::string(const BootRequest&, const LaneKernel&)> describe;
};

/// The qemu lane's boot: qemu-system-x86_64 on this machine.
LaneBoot boot_here();

struct QemuLaneReport {
    std::string series, version, tree, base;
    std::vector<std::string> overlay;  ///< validation patches applied after the version's
    std::vector<std::string> plan;     ///< the stages, for --dry-run
    std::string lane;                  ///< LaneBoot::lane
    std::vector<std::pair<std::string, std::string>> boots;  ///< kernel label → the boot, described
    std::vector<std::pair<std::string, bool>> gates;         ///< as recorded
    std::vector<QemuKernelRun> runs;
    bool passed() const;
    /// Every kernel finished with the probe's expected verdict, a balanced
    /// trace, and no other problem than kernel reports in the series' code.
    bool fence_passed() const;
    /// Every kernel finished without a kernel report in the series' code.
    bool lockdep_passed() const;
};

/// `seriesctl validate --hw qemu`: applies the version and the series'
/// validation overlay in memory on its base, checks the result out into
/// ~/.cache/seriesctl/qemu/<tree>/src, builds a bzImage out of tree (ccache,
/// tinyconfig + the lane's fragment, every fragment symbol checked after
/// olddefconfig), boots it under qemu with fence_probe, and judges the
/// console: the probe's verdict, the trace balance and the kernel reports.
/// A kernel built from identical inputs is reused. Records gate "qemu", or
/// the gates of another boot's lane (LaneBoot).
QemuLaneReport run_qemu_lane(const repo::Project& project, const config::TreeConfig& trees,
                             const QemuLaneRequest& request, const std::function<void(const std::string&)>& progress,
                             const LaneBoot& boot = boot_here());

}  // namespace seriesctl::validate
