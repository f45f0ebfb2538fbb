#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analyse/fence_probe.h"
#include "analyse/validation_summary.h"
#include "config/tree_config.h"
#include "repo/project.h"

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

struct QemuLaneReport {
    std::string series, version, tree, base;
    std::vector<std::string> overlay;  ///< validation patches applied after the version's
    std::vector<std::string> plan;     ///< the stages, for --dry-run
    std::vector<QemuKernelRun> runs;
    bool passed() const;
};

/// `seriesctl validate --hw qemu`: applies the version and the series'
/// validation overlay in memory on its base, checks the result out into
/// ~/.cache/seriesctl/qemu/<tree>/src, builds a bzImage out of tree (ccache,
/// tinyconfig + the lane's fragment, every fragment symbol checked after
/// olddefconfig), boots it under qemu with fence_probe, and judges the
/// console: the probe's verdict, the trace balance and the kernel reports.
/// A kernel built from identical inputs is reused. Records gate "qemu".
QemuLaneReport run_qemu_lane(const repo::Project& project, const config::TreeConfig& trees,
                             const QemuLaneRequest& request, const std::function<void(const std::string&)>& progress);

}  // namespace seriesctl::validate
