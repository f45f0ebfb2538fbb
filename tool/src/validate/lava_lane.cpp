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
// (over a mount, a link would dangle).
void publish(const BootRequest& boot, const Published& at) {
    fs::create_directories(at.dir);
    for (const auto& [from, name] : {std::pair{boot.kernel, "bzImage"}, std::pair{boot.initramfs, "initramfs.cpio"}})
        if (fs::absolute(from) != fs::absolute(at.dir / name))
            fs::copy_file(from, at.dir / name, fs::copy_options::overwrite_existing);
}

}  // namespace

LaneBoot lava_boot(const std::string& device_type, const std::optional<LavaFarm>& farm) {
    if (!lava_device_type_supported(device_type))
        throw util::Error("lava:" + device_type +
                          ": the lane boots x86_64 kernels under qemu; the device type it "
                          "writes jobs for is qemu");
    LaneBoot lava;
    lava.lane = "lava-" + device_type;
    lava.describe = [device_type, farm](const BootRequest& boot, const LaneKernel& kernel) {
        return lava_job_definition(job_request(device_type, boot, kernel, published(kernel, farm)));
    };
    lava.boot = [device_type, farm](const BootRequest& boot, const LaneKernel& kernel,
                                    const std::function<void(const std::string&)>& progress) {
        Published at = published(kernel, farm);
        std::string job = lava_job_definition(job_request(device_type, boot, kernel, at));
        std::string problem = proc::lava_schema_problem(job);
        if (!problem.empty())
            throw util::Error("the LAVA job for " + kernel.label + " fails LAVA's schema: " + problem);
        publish(boot, at);
        auto start = std::chrono::steady_clock::now();
        // The job's own timeouts bound it first (validate/lava_job); these
        // only stop a dispatcher or server that never answers.
        auto bound = std::chrono::seconds(boot.timeout_seconds + 10 * 60);
        proc::LavaJobOutput output =
            farm ? proc::run_lava_on_farm(farm->identity, job, kernel.dir / "lava", std::chrono::seconds(farm->wait),
                                          std::chrono::seconds(farm->polling), progress)
                 : proc::run_lava_locally(job, local_qemu_device(boot.kvm, boot.memory_mb, boot.cpus),
                                          kernel.dir / "lava", bound, [&](const std::string& line) {
                                              // The guest's script, as far as it got.
                                              size_t at = line.find("@@seriesctl-begin ");
                                              if (at != std::string::npos)
                                                  progress(kernel.label + ": lava-run: the guest runs " +
                                                           line.substr(at + 18, line.find('"', at) - at - 18));
                                          });
        analyse::LavaLog log = analyse::parse_lava_log(output.log, (kernel.dir / "lava" / "lava.log").string());
        BootResult result;
        result.console = log.console;
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        result.accelerator = farm ? output.where : std::string("lava-run ") + (boot.kvm ? "kvm" : "tcg");
        result.exit_code = log.job_result == "pass" ? 0 : 1;
        if (log.job_result != "pass")
            result.failure = "LAVA job " + output.job_id + " (" + output.where + ") " +
                             (log.job_result.empty() ? "ended without a result"
                                                     : "failed" + (log.error.empty() ? "" : ": " + log.error));
        else if (log.result_of("fence-probe", "verdict").empty())
            result.failure = "LAVA's fence-probe monitor saw no verdict in job " + output.job_id;
        return result;
    };
    return lava;
}

}  // namespace seriesctl::validate
