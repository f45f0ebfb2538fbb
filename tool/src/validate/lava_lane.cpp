#include "validate/lava_lane.h"

#include <chrono>

#include "analyse/lava_log.h"
#include "proc/lava_dispatch.h"
#include "util/error.h"
#include "util/xdg.h"
#include "validate/lava_job.h"

namespace fs = std::filesystem;

namespace seriesctl::validate {

namespace {

// Where a kernel's files are for the dispatcher: its artifacts directory
// here, or the same path under the farm's published directory.
struct Published {
    fs::path dir;
    std::string url;
};

Published published(const LaneKernel& kernel, const std::optional<LavaFarm>& farm) {
    if (!farm) return {kernel.dir, "file://" + kernel.dir.string()};
    fs::path below = kernel.dir.lexically_relative(util::cache_dir() / "logs");
    if (below.empty() || *below.begin() == "..") below = kernel.dir.filename();
    return {farm->publish / below, farm->url + "/" + below.generic_string()};
}

LavaJobRequest job_request(const std::string& device_type, const BootRequest& boot, const LaneKernel& kernel,
                           const Published& at) {
    LavaJobRequest job;
    job.name = "seriesctl " + kernel.title;
    job.device_type = device_type;
    job.kernel_url = at.url + "/bzImage";
    job.initramfs_url = at.url + "/initramfs.cpio";
    job.kernel_args = kernel_command_line(boot);
    job.expected_probe = kernel.expected_probe;
    job.timeout_seconds = boot.timeout_seconds;
    return job;
}

// The farm's dispatchers fetch the kernel by URL; files are copied whole
// (over a mount, a link would dangle) and renamed into place, so a URL
// never gives half a kernel.
void publish(const BootRequest& boot, const Published& at) {
    fs::create_directories(at.dir);
    for (const auto& [from, name] : {std::pair{boot.kernel, "bzImage"}, std::pair{boot.initramfs, "initramfs.cpio"}}) {
        fs::path to = at.dir / name;
        if (fs::absolute(from) == fs::absolute(to)) continue;
        fs::path part = at.dir / (std::string(name) + ".part");
        fs::copy_file(from, part, fs::copy_options::overwrite_existing);
        fs::rename(part, to);
    }
}

std::string job_definition(const std::string& device_type, const BootRequest& boot, const LaneKernel& kernel,
                           const Published& at) {
    std::string job = lava_job_definition(job_request(device_type, boot, kernel, at));
    std::string problem = proc::lava_schema_problem(job);
    if (!problem.empty()) throw util::Error("the LAVA job for " + kernel.label + " fails LAVA's schema: " + problem);
    return job;
}

std::string failure_of(const analyse::LavaLog& log, const proc::LavaJobOutput& output) {
    std::string job = "LAVA job " + output.job_id + " (" + output.where + ")";
    if (log.job_result == "pass")
        return log.result_of("fence-probe", "verdict").empty() ? job + ": its fence-probe monitor saw no verdict" : "";
    if (!log.job_result.empty()) return job + " failed" + (log.error.empty() ? "" : ": " + log.error);
    // No result at all: the dispatcher itself stopped; its last words say why.
    return job + " ended without a result" + (log.other_lines.empty() ? "" : ": " + log.other_lines.back());
}

// lava-run's log lines, as progress: the guest's script as far as it got.
std::function<void(const std::string&)> script_progress(const LaneKernel& kernel,
                                                        const std::function<void(const std::string&)>& progress) {
    return [&kernel, &progress](const std::string& line) {
        const std::string marker = "@@seriesctl-begin ";
        size_t at = line.find(marker);
        if (at == std::string::npos) return;
        size_t name = at + marker.size();
        progress(kernel.label + ": lava-run: the guest runs " + line.substr(name, line.find('"', name) - name));
    };
}

}  // namespace

LaneBoot lava_boot(const std::string& device_type, const std::optional<LavaFarm>& farm) {
    if (!lava_device_type_supported(device_type))
        throw util::Error("lava:" + device_type +
                          ": the lane boots x86_64 kernels under qemu; the device type it "
                          "writes jobs for is qemu");
    LaneBoot lava;
    lava.lane = "lava-" + device_type;
    // Checked by LAVA's schema when the plan is made: a definition LAVA
    // would refuse stops the run before any kernel is built.
    lava.describe = [device_type, farm](const BootRequest& boot, const LaneKernel& kernel) {
        return job_definition(device_type, boot, kernel, published(kernel, farm));
    };
    lava.boot = [device_type, farm](const BootRequest& boot, const LaneKernel& kernel,
                                    const std::function<void(const std::string&)>& progress) {
        Published at = published(kernel, farm);
        std::string job = lava_job_definition(job_request(device_type, boot, kernel, at));
        publish(boot, at);
        auto start = std::chrono::steady_clock::now();
        fs::path dir = kernel.dir / "lava";
        proc::LavaJobOutput output;
        if (farm) {
            output = proc::run_lava_on_farm(farm->identity, job, dir, std::chrono::seconds(farm->wait),
                                            std::chrono::seconds(farm->polling), progress);
        } else {
            // The job's own timeouts bound it first (validate/lava_job); this
            // only stops a dispatcher that never returns.
            auto bound = std::chrono::seconds(boot.timeout_seconds + 10 * 60);
            std::string name = kernel.dir.parent_path().filename().string() + "-" + kernel.label;
            output = proc::run_lava_locally(job, local_qemu_device(boot.kvm, boot.memory_mb, boot.cpus), dir, name,
                                            bound, script_progress(kernel, progress));
        }
        analyse::LavaLog log = analyse::parse_lava_log(output.log, (dir / "lava.log").string());
        BootResult result;
        result.console = log.console;
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        result.accelerator = farm ? output.where : std::string("lava-run ") + (boot.kvm ? "kvm" : "tcg");
        result.exit_code = log.job_result == "pass" ? 0 : 1;
        result.failure = failure_of(log, output);
        return result;
    };
    return lava;
}

}  // namespace seriesctl::validate
