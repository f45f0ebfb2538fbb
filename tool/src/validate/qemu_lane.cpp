#include "validate/qemu_lane.h"

#include <chrono>
#include <optional>

#include "analyse/console_sections.h"
#include "analyse/kernel_reports.h"
#include "analyse/trace_counts.h"
#include "apply/series_apply.h"
#include "build/kernel_config.h"
#include "build/source_tree.h"
#include "config/tree_config.h"
#include "git/tree_reader.h"
#include "proc/subprocess.h"
#include "repo/gate_record.h"
#include "repo/series_content.h"
#include "series/evidence.h"
#include "tree/tree_access.h"
#include "tree/work_tree.h"
#include "util/atomic_file.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/file_lock.h"
#include "util/hash.h"
#include "util/text.h"
#include "util/xdg.h"
#include "validate/qemu_guest.h"
#include "validate/qemu_lane_config.h"

namespace fs = std::filesystem;

namespace seriesctl::validate {

namespace {

const build::BuildArch guest_arch{"x86_64", "x86_64", "", "tinyconfig"};

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string tool_version(const std::vector<std::string>& argv) {
    proc::ProcessResult result = run_command(proc::Command{argv});
    return result.ok() ? first_line(result.out) : "?";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// What the lane needs to know about the series, read once.
struct LaneInputs {
    QemuLaneConfig config;
    analyse::SeriesCode series_code;
    fs::path fragment;
    std::vector<patch::PatchFile> overlay;
};

LaneInputs load_inputs(const repo::Project& project, const series::Series& series, const series::Version& version) {
    LaneInputs inputs;
    fs::path configs = project.root() / "kernel" / series.name / "configs";
    fs::path config_file = configs / "qemu.yaml";
    if (!fs::exists(config_file))
        throw util::Error(config_file.string() + " does not exist: the series has no qemu lane");
    inputs.config = parse_qemu_lane_config(util::read_file(config_file), config_file.string());
    inputs.series_code = repo::load_series_code(project, series);
    inputs.fragment = configs / (inputs.config.fragment + ".config");
    if (!fs::exists(inputs.fragment))
        throw util::Error(config_file.string() + ": fragment " + inputs.fragment.filename().string() +
                          " does not exist");
    // The overlay: kernel/<series>/validation/*.patch, applied after every
    // version's patches and never mailed.
    series::Version overlay = version;
    overlay.patches = (fs::path("kernel") / series.name / "validation").string();
    if (fs::is_directory(project.root() / overlay.patches))
        inputs.overlay = repo::load_version_patches(project, overlay);
    return inputs;
}

// Where the lane builds: one source tree (hard links to the tree's work
// tree, moved by writing the files the patches change) and one build
// directory, so the second kernel is an incremental build on the first.
struct LaneBuild {
    build::LinkedSourceTree& source;
    const tree::TreeCheckout* work;  ///< null when every kernel is kept
    fs::path root;
    int jobs;
};

fs::path kept_image(const QemuKernelRun& run, const fs::path& root) { return root / "kernels" / run.key / "bzImage"; }

// Builds the kernel of `tree` in the lane's build directory unless one from
// identical inputs is kept; returns its bzImage.
fs::path built_kernel(QemuKernelRun& run, const LaneBuild& lane, const git_oid& tree, const LaneInputs& inputs,
                      const std::function<void(const std::string&)>& progress) {
    fs::path image = kept_image(run, lane.root);
    fs::path kept = image.parent_path();
    run.reused = fs::exists(image);
    if (run.reused) return image;
    auto start = std::chrono::steady_clock::now();
    build::KernelMake make{lane.source.dir(), lane.root / "out", guest_arch, proc::program_exists("ccache"), lane.jobs};
    size_t changed = lane.source.hold(lane.work->dir, lane.work->commit, tree);
    // Relinked files carry the work tree's older times: objects built from
    // another tree would look newer than their sources.
    if (lane.source.relinked()) fs::remove_all(make.output);
    progress(run.label + ": source at " + git::to_string(tree).substr(0, 12) + " (" + std::to_string(changed) +
             " files written), make tinyconfig + " + inputs.fragment.filename().string() + ", olddefconfig");
    build::configure_kernel(make, inputs.fragment, run.key, lane.root / "configs");
    progress(run.label + ": make bzImage (-j" + std::to_string(lane.jobs) + (make.ccache ? ", ccache" : "") +
             (fs::exists(make.output / "vmlinux") ? ", on the last kernel's objects" : "") + ")");
    proc::ProcessResult made = run_command(make.command({"bzImage"}));
    fs::create_directories(kept);
    util::write_file_atomically(kept / "build.log", made.out + made.err);
    if (!made.ok())
        throw util::Error(run.label + " kernel: make bzImage failed: " + made.tail(8) + "\n(log: " +
                    (kept / "build.log").string() + ")");
    util::write_file_atomically(kept / "config", util::read_file(make.output / ".config"));
    util::write_file_atomically(image, util::read_file(make.output / "arch" / "x86" / "boot" / "bzImage"));
    run.build_seconds = seconds_since(start);
    return image;
}

// The boot of a lane kernel: fence_probe's workload on the command line
// (tool/guest/init passes it on), then the user's extra words.
BootRequest lane_boot(const fs::path& image, const fs::path& initramfs, const QemuLaneConfig& config,
                      const std::vector<std::string>& boot_args) {
    BootRequest boot{image, initramfs,
                     {"probe_jobs=" + std::to_string(config.probe_jobs),
                      "probe_slow_jobs=" + std::to_string(config.probe_slow_jobs),
                      "probe_slow_ms=" + std::to_string(config.probe_slow_ms),
                      "probe_fast_ms=" + std::to_string(config.probe_fast_ms)},
                     config.boot_timeout};
    boot.append.insert(boot.append.end(), boot_args.begin(), boot_args.end());
    return boot;
}

// Boots, cuts the console, and judges what the guest printed.
void boot_and_judge(QemuKernelRun& run, const LaneKernel& kernel, const fs::path& image, const fs::path& initramfs,
                    const LaneInputs& inputs, const QemuLaneRequest& request, const std::string& title,
                    const LaneBoot& lane,
                    const std::function<void(const std::string&)>& progress) {
    const QemuLaneConfig& config = inputs.config;
    BootRequest boot = lane_boot(image, initramfs, config, request.boot_args);
    progress(run.label + ": booting (" + lane.lane + ", timeout " + std::to_string(config.boot_timeout) + " s)");
    BootResult booted = lane.boot(boot, kernel, progress);
    run.boot_seconds = booted.seconds;
    run.accelerator = booted.accelerator;

    analyse::ConsoleSections console = analyse::split_console(booted.console);
    run.finished = console.done;
    run.probe = analyse::parse_fence_probe(console.get("probe"));
    analyse::TraceBalance trace = analyse::balance_trace(analyse::parse_trace(console.get("trace")), 0);
    // A guest that died before printing dmesg still printed its Oops or
    // panic on the console (loglevel 4 lets errors through).
    std::string dmesg = console.sections.count("dmesg") ? console.get("dmesg") : booted.console;
    run.summary = analyse::summarise_run(title, trace, analyse::find_kernel_reports(dmesg, inputs.series_code));
    std::string uname = console.get("uname");
    run.summary.kernel = uname.substr(0, uname.find('\n'));

    auto& problems = run.summary.problems;
    if (!booted.failure.empty()) problems.insert(problems.begin(), booted.failure);
    if (!run.finished)
        problems.insert(problems.begin(),
                        booted.timed_out    ? "the guest did not finish within " + std::to_string(config.boot_timeout) + " s"
                        : lane.lane == "qemu" ? "the guest stopped before the end of its script (qemu exit " +
                                                    std::to_string(booted.exit_code) + ")"
                                              : std::string("the guest stopped before the end of its script"));
    if (!run.probe.complete)
        problems.push_back("fence_probe printed no verdict");
    else if (run.probe.verdict != run.expected_probe)
        problems.push_back("fence_probe: expected '" + run.expected_probe + "', got '" + run.probe.verdict + "' (" +
                           std::to_string(run.probe.fenced) + " of " + std::to_string(run.probe.jobs) +
                           " jobs fenced, " + std::to_string(run.probe.unsignalled_in_flight) + " unsignalled in flight, " +
                           std::to_string(run.probe.signalled_done) + " signalled when done, " +
                           std::to_string(run.probe.stub) + " stub)");
    for (const auto& line : run.probe.error_lines) problems.push_back("fence_probe: " + line);
    if (run.expected_probe == "fence" && trace.count("dma_fence_init") == 0)
        problems.push_back("the trace shows no dma_fence_init: the fences were not traced");

    auto& figures = run.summary.figures;
    figures["probe-jobs"] = std::to_string(run.probe.jobs);
    figures["probe-fenced"] = std::to_string(run.probe.fenced);
    figures["probe-unsignalled-in-flight"] = std::to_string(run.probe.unsignalled_in_flight);
    figures["probe-signalled-done"] = std::to_string(run.probe.signalled_done);
    figures["probe-stub"] = std::to_string(run.probe.stub);
    figures["probe-verdict"] = run.probe.verdict;

    fs::create_directories(run.artifacts);
    util::write_file_atomically(run.artifacts / "console.log", booted.console);
    util::write_file_atomically(run.artifacts / "probe.txt", console.get("probe"));
    util::write_file_atomically(run.artifacts / "trace.txt", console.get("trace"));
    util::write_file_atomically(run.artifacts / "dmesg.txt", console.get("dmesg"));
    util::write_file_atomically(run.artifacts / "summary.md", analyse::render_markdown(run.summary));
    util::write_file_atomically(run.artifacts / "summary.json", to_json(run.summary).dump(2) + "\n");
}

}  // namespace

LaneBoot boot_here() {
    LaneBoot here;
    here.boot = [](const BootRequest& request, const LaneKernel&, const auto&) { return boot_qemu(request); };
    here.describe = [](const BootRequest& request, const LaneKernel&) {
        std::vector<std::string> words;
        for (const auto& word : qemu_command(request))
            words.push_back(word.find(' ') == std::string::npos ? word : "'" + word + "'");
        return util::joined(words, " ");
    };
    return here;
}

bool QemuLaneReport::passed() const {
    if (runs.empty()) return false;
    for (const auto& run : runs)
        if (!run.summary.passed()) return false;
    return true;
}

bool QemuLaneReport::fence_passed() const {
    if (runs.empty()) return false;
    for (const auto& run : runs) {
        size_t reports = run.summary.reports_in_series();
        // Every problem but the kernel reports, which the lockdep gate judges.
        if (!run.finished || run.summary.problems.size() != reports) return false;
    }
    return true;
}

bool QemuLaneReport::lockdep_passed() const {
    if (runs.empty()) return false;
    for (const auto& run : runs)
        if (!run.finished || run.summary.reports_in_series() != 0) return false;
    return true;
}

QemuLaneReport run_qemu_lane(const repo::Project& project, const config::TreeConfig& trees,
                             const QemuLaneRequest& request, const std::function<void(const std::string&)>& progress,
                             const LaneBoot& boot) {
    repo::VersionAtHand at_hand = repo::load_version_at_hand(project, request.series, request.version);
    const series::Series& series = at_hand.series;
    const series::Version& version = at_hand.version();
    LaneInputs inputs = load_inputs(project, series, version);

    QemuLaneReport report;
    report.series = series.name;
    report.version = version.name();
    report.tree = series.tree_of(version);
    for (const auto& patch : inputs.overlay) report.overlay.push_back(patch.summary);

    tree::TreeStore store(util::cache_dir());
    auto tip = tree_tip(config::find_tree(trees, report.tree), store, progress);
    if (!tip)
        throw util::Error("tree " + report.tree + " is not in the cache yet: run `seriesctl tree sync " + report.tree +
                          "`");
    report.base = *tip;  // like check and build: the tree as it is now

    fs::path root = util::cache_dir() / "qemu" / report.tree;
    std::string run_id = util::now_run_stamp();
    fs::path artifacts = util::cache_dir() / "logs" / series.name / version.name() / boot.lane / run_id;
    report.lane = boot.lane;
    std::string named = series.name + " " + version.name() + " ";
    std::vector<LaneKernel> planned_boots = {{"patched", "fence", artifacts / "patched", named + "patched"}};
    if (request.ab) planned_boots.push_back({"base", "stub", artifacts / "base", named + "base"});
    // The files are named, not placed: a kernel is kept by its inputs, known
    // only once the patches are applied.
    for (const auto& kernel : planned_boots)
        report.boots.emplace_back(
            kernel.label,
            boot.describe(lane_boot("bzImage", "initramfs.cpio", inputs.config, request.boot_args), kernel));
    report.plan = {"apply " + std::to_string(at_hand.patches.size()) + " patches of " + version.name() + " and " +
                       std::to_string(inputs.overlay.size()) + " validation patches in memory on " +
                       report.base.substr(0, 12),
                   "build bzImage: tinyconfig + " + inputs.fragment.filename().string() + " under " + root.string(),
                   "build the initramfs: busybox-static, fence_probe (gcc -static), tool/guest/init"};
    for (const auto& [label, described] : report.boots) report.plan.push_back("boot " + label + ": " + described);
    report.plan.push_back("judge: fence_probe verdict (patched: fence" + std::string(request.ab ? ", base: stub" : "") +
                          "), trace balance, kernel reports; record " +
                          (boot.lane == "qemu" ? "gate qemu" : "gates " + boot.lane + "-fence, " + boot.lane + "-lockdep"));
    report.plan.push_back("artifacts: " + artifacts.string());
    if (request.dry_run) return report;

    fs::create_directories(root);
    util::FileLock lock(root / ".lock");
    // The patched trees are written into the lane's own repository (the
    // store's objects through its alternates), never into the store.
    auto repo = tree::open_linked_repository(root / "git", store);
    std::vector<patch::PatchFile> all = at_hand.patches;
    all.insert(all.end(), inputs.overlay.begin(), inputs.overlay.end());
    progress("applying " + std::to_string(all.size()) + " patches in memory on " + report.base.substr(0, 12));
    auto steps = apply::applied_trees(repo.get(), report.base, all);

    std::string gcc = tool_version({"gcc", "-dumpfullversion"});
    std::string fragment_text = util::read_file(inputs.fragment);
    progress("building the initramfs");
    fs::path initramfs = build_initramfs(root / "guest",
                                         git::TreeReader(repo.get(), steps.front()).read("usr/gen_init_cpio.c"));

    // The kernels planned above: the patched one on everything applied,
    // the base one (--ab) on the tree alone.
    struct Planned {
        git_oid tree;
        std::vector<patch::PatchFile> patches;
    };
    std::vector<Planned> kernels = {{steps.back(), all}};
    if (request.ab) kernels.push_back({steps.front(), {}});
    std::vector<QemuKernelRun> runs;
    for (size_t i = 0; i < kernels.size(); ++i) {
        const Planned& planned = kernels[i];
        QemuKernelRun run;
        run.label = planned_boots[i].label;
        run.expected_probe = planned_boots[i].expected_probe;
        for (const auto& patch : planned.patches) run.patches.push_back(patch.summary);
        run.key = util::sha256_hex(git::to_string(planned.tree) + '\0' + guest_arch.defconfig + '\0' + fragment_text +
                                   '\0' + gcc + '\0' + patch::patch_ids(planned.patches))
                      .substr(0, 16);
        run.artifacts = planned_boots[i].dir;
        runs.push_back(std::move(run));
    }
    // The base first, then the series on top of it in the same build
    // directory: the second kernel compiles only what the patches touch.
    std::vector<fs::path> images(kernels.size());
    bool building = false;
    for (size_t i = 0; i < kernels.size(); ++i) building = building || !fs::exists(kept_image(runs[i], root));
    std::optional<tree::TreeCheckout> work;
    if (building) work = tree::checkout_tree(config::find_tree(trees, report.tree), store, progress);
    build::LinkedSourceTree source(root / "source", repo.get());
    for (size_t i = kernels.size(); i-- > 0;)
        images[i] = built_kernel(runs[i], LaneBuild{source, work ? &*work : nullptr, root, request.jobs}, kernels[i].tree, inputs,
                                 progress);
    for (size_t i = 0; i < kernels.size(); ++i) {
        QemuKernelRun& run = runs[i];
        std::string title = series.name + " " + version.name() +
                            (run.label == "patched" ? " + validation overlay" : ": base without the series") +
                            " under qemu";
        boot_and_judge(run, planned_boots[i], images[i], initramfs, inputs, request, title, boot, progress);
        report.runs.push_back(std::move(run));
    }

    const QemuKernelRun& patched = report.runs.front();
    series::CurrentContent content = repo::current_content(project, series, at_hand.patches, report.base);
    series::Evidence evidence =
        series::make_evidence(series::Binding::code, report.passed(), content, report.tree, util::now_iso8601());
    evidence.kernel = patched.summary.kernel;
    evidence.tools = {{"gcc", gcc}};
    // A farm's qemu is not ours: the run names where it booted instead.
    if (boot.lane == "qemu" || patched.accelerator.rfind("lava-run", 0) == 0)
        evidence.tools["qemu"] = tool_version({"qemu-system-x86_64", "--version"});
    if (boot.lane != "qemu") evidence.tools["lava"] = patched.accelerator;
    // What a cover letter may quote; the rest is in the run's summary.json.
    for (const char* figure : {"probe-jobs", "probe-unsignalled-in-flight", "probe-signalled-done", "dma_fence_init",
                               "dma_fence_signaled", "vb2_buf_queue", "vb2_buf_done", "kernel-reports-in-series",
                               "kernel-reports-unrelated"})
        evidence.figures[figure] = patched.summary.figures.at(figure);
    evidence.figures["overlay"] = util::sha256_hex(patch::patch_ids(inputs.overlay)).substr(0, 16);
    evidence.figures["accelerator"] = patched.accelerator;
    if (request.ab) evidence.figures["base-probe-verdict"] = report.runs.back().probe.verdict;
    std::string boot_args = util::joined(request.boot_args, " ");
    if (!boot_args.empty()) evidence.figures["boot-args"] = boot_args;
    evidence.artifacts = artifacts.string();
    std::map<std::string, series::Evidence> gates;
    if (boot.lane == "qemu") {
        gates["qemu"] = evidence;
    } else {
        for (const auto& [gate, passed] : {std::pair{boot.lane + "-fence", report.fence_passed()},
                                           std::pair{boot.lane + "-lockdep", report.lockdep_passed()}}) {
            gates[gate] = evidence;
            gates[gate].verdict = passed ? series::Verdict::passed : series::Verdict::failed;
        }
    }
    for (const auto& [gate, recorded] : gates) report.gates.emplace_back(gate, recorded.verdict == series::Verdict::passed);
    repo::record_gates(project, series.name, version.name(), gates);
    return report;
}

}  // namespace seriesctl::validate
