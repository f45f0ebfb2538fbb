// The lane's LAVA job definitions and device dictionary, checked by LAVA's
// own schema (lava_common.schemas of Debian's lava-dispatcher).
#include "validate/lava_job.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "proc/lava_dispatch.h"

using namespace seriesctl;
using namespace seriesctl::validate;

namespace {

LavaJobRequest patched_job() {
    LavaJobRequest job;
    job.name = "seriesctl vb2-release-fence v2 patched";
    job.device_type = "qemu";
    job.kernel_url = "file:///var/cache/lane/patched/bzImage";
    job.initramfs_url = "file:///var/cache/lane/patched/initramfs.cpio";
    job.kernel_args = {"console=ttyS0", "panic=-1", "probe_jobs=100"};
    job.expected_probe = "fence";
    job.timeout_seconds = 300;
    return job;
}

}  // namespace

TEST(LavaJob, PassesLavasStrictSchema) {
    std::string job = lava_job_definition(patched_job());
    EXPECT_EQ(proc::lava_schema_problem(job), "") << job;
}

TEST(LavaJob, TheSchemaCheckFindsWhatLavaWouldRefuse) {
    YAML::Node job = YAML::Load(lava_job_definition(patched_job()));
    job.remove("timeouts");
    std::string problem = proc::lava_schema_problem(YAML::Dump(job));
    EXPECT_NE(problem.find("timeouts"), std::string::npos) << problem;
}

TEST(LavaJob, BootsTheLanesFilesWithItsCommandLineAndExpectsItsVerdict) {
    LavaJobRequest base = patched_job();
    base.expected_probe = "stub";
    YAML::Node job = YAML::Load(lava_job_definition(base));
    YAML::Node images = job["actions"][0]["deploy"]["images"];
    EXPECT_EQ(images["kernel"]["url"].as<std::string>(), base.kernel_url);
    EXPECT_EQ(images["kernel"]["image_arg"].as<std::string>(),
              "-kernel {kernel} -append \"console=ttyS0 panic=-1 probe_jobs=100\"");
    EXPECT_EQ(images["ramdisk"]["url"].as<std::string>(), base.initramfs_url);
    YAML::Node probe = job["actions"][2]["test"]["monitors"][0];
    EXPECT_EQ(probe["name"].as<std::string>(), "fence-probe");
    EXPECT_EQ(probe["fixupdict"]["stub"].as<std::string>(), "pass");
    EXPECT_EQ(probe["fixupdict"]["fence"].as<std::string>(), "fail");
    EXPECT_EQ(job["actions"][2]["test"]["monitors"][1]["end"].as<std::string>(), "@@seriesctl-done");
    EXPECT_EQ(job["actions"][2]["test"]["timeout"]["minutes"].as<int>(), 5);
}

TEST(LavaJob, TheLocalDeviceRunsQemuWithKvmOnlyWhenAsked) {
    YAML::Node tcg = YAML::Load(local_qemu_device(false, 512, 2));
    YAML::Node options = tcg["actions"]["boot"]["methods"]["qemu"]["parameters"]["options"];
    EXPECT_EQ(options[0].as<std::string>(), "-accel tcg");
    EXPECT_EQ(options[1].as<std::string>(), "-m 512");
    EXPECT_EQ(tcg["device_type"].as<std::string>(), "qemu");
    YAML::Node kvm = YAML::Load(local_qemu_device(true, 512, 2));
    EXPECT_EQ(kvm["actions"]["boot"]["methods"]["qemu"]["parameters"]["options"][0].as<std::string>(), "-accel kvm");
}

TEST(LavaJob, OnlyQemuDevicesBootTheLanesKernel) {
    EXPECT_TRUE(lava_device_type_supported("qemu"));
    EXPECT_FALSE(lava_device_type_supported("rk3566-pinenote"));
}
