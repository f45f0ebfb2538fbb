#include "validate/lava_job.h"

#include <yaml-cpp/yaml.h>

#include "util/text.h"

namespace seriesctl::validate {

namespace {

void minutes(YAML::Emitter& out, const char* key, int value) {
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "minutes" << YAML::Value
        << value << YAML::EndMap;
}

// LAVA matches monitor patterns on lines that end "\r\n" (or "\r\r\n"):
// a pattern ends at the whitespace after the value.
void monitor(YAML::Emitter& out, const std::string& name, const std::string& start, const std::string& end,
             const std::string& pattern, const std::vector<std::pair<std::string, std::string>>& fixups) {
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name;
    out << YAML::Key << "start" << YAML::Value << YAML::SingleQuoted << start;
    out << YAML::Key << "end" << YAML::Value << YAML::SingleQuoted << end;
    out << YAML::Key << "pattern" << YAML::Value << YAML::SingleQuoted << pattern;
    out << YAML::Key << "fixupdict" << YAML::Value << YAML::BeginMap;
    for (const auto& [found, result] : fixups) out << YAML::Key << YAML::SingleQuoted << found << YAML::Value << result;
    out << YAML::EndMap << YAML::EndMap;
}

}  // namespace

bool lava_device_type_supported(const std::string& device_type) { return device_type == "qemu"; }

std::string lava_job_definition(const LavaJobRequest& request) {
    int test_minutes = (request.timeout_seconds + 59) / 60;
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "job_name" << YAML::Value << request.name;
    out << YAML::Key << "device_type" << YAML::Value << request.device_type;
    out << YAML::Key << "visibility" << YAML::Value << "public";
    out << YAML::Key << "priority" << YAML::Value << "medium";
    out << YAML::Key << "context" << YAML::Value << YAML::BeginMap << YAML::Key << "arch" << YAML::Value << "x86_64"
        << YAML::EndMap;
    out << YAML::Key << "timeouts" << YAML::Value << YAML::BeginMap;
    minutes(out, "job", test_minutes + 6);
    minutes(out, "action", test_minutes);
    minutes(out, "connection", 2);
    out << YAML::EndMap;

    out << YAML::Key << "actions" << YAML::Value << YAML::BeginSeq;
    out << YAML::BeginMap << YAML::Key << "deploy" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "to" << YAML::Value << "tmpfs";
    minutes(out, "timeout", 3);
    out << YAML::Key << "images" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "kernel" << YAML::Value << YAML::BeginMap << YAML::Key << "url" << YAML::Value
        << request.kernel_url << YAML::Key << "image_arg" << YAML::Value
        << "-kernel {kernel} -append \"" + util::joined(request.kernel_args, " ") + "\"" << YAML::EndMap;
    out << YAML::Key << "ramdisk" << YAML::Value << YAML::BeginMap << YAML::Key << "url" << YAML::Value
        << request.initramfs_url << YAML::Key << "image_arg" << YAML::Value << "-initrd {ramdisk}" << YAML::EndMap;
    out << YAML::EndMap << YAML::EndMap << YAML::EndMap;

    out << YAML::BeginMap << YAML::Key << "boot" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "method" << YAML::Value << "qemu" << YAML::Key << "media" << YAML::Value << "tmpfs";
    minutes(out, "timeout", 2);
    out << YAML::EndMap << YAML::EndMap;

    out << YAML::BeginMap << YAML::Key << "test" << YAML::Value << YAML::BeginMap;
    minutes(out, "timeout", test_minutes);
    out << YAML::Key << "monitors" << YAML::Value << YAML::BeginSeq;
    std::vector<std::pair<std::string, std::string>> verdicts;
    for (const char* verdict : {"fence", "stub", "broken"})
        verdicts.emplace_back(verdict, verdict == request.expected_probe ? "pass" : "fail");
    verdicts.emplace_back("0", "pass");  // fence_probe's exit status
    for (const char* status : {"1", "2", "124", "134", "139"}) verdicts.emplace_back(status, "fail");
    monitor(out, "fence-probe", "@@seriesctl-begin probe", "@@seriesctl-end probe",
            "fence-probe: (?P<test_case_id>verdict|exit) (?P<result>\\w+)\\s", verdicts);
    // Reading on to the end of the script keeps the job (and the console
    // LAVA records) going through the trace and dmesg.
    monitor(out, "kernel-reports", "@@seriesctl-begin dmesg", "@@seriesctl-done",
            "(?P<test_case_id>(?P<result>BUG|WARNING|Oops))\\W",
            {{"BUG", "fail"}, {"WARNING", "fail"}, {"Oops", "fail"}});
    out << YAML::EndSeq << YAML::EndMap << YAML::EndMap;
    out << YAML::EndSeq << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

std::string local_qemu_device(bool kvm, int memory_mb, int cpus) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "device_type" << YAML::Value << "qemu";
    out << YAML::Key << "available_architectures" << YAML::Value << YAML::Flow << YAML::BeginSeq << "x86_64"
        << YAML::EndSeq;
    out << YAML::Key << "constants" << YAML::Value << YAML::BeginMap << YAML::Key << "failure_retry" << YAML::Value << 1
        << YAML::Key << "boot_retry" << YAML::Value << 1 << YAML::EndMap;
    out << YAML::Key << "parameters" << YAML::Value << YAML::BeginMap << YAML::EndMap;
    out << YAML::Key << "actions" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "deploy" << YAML::Value << YAML::BeginMap << YAML::Key << "methods" << YAML::Value
        << YAML::BeginMap << YAML::Key << "image" << YAML::Value << YAML::BeginMap << YAML::Key << "parameters"
        << YAML::Value << YAML::BeginMap << YAML::EndMap << YAML::EndMap << YAML::EndMap << YAML::EndMap;
    out << YAML::Key << "boot" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "connections" << YAML::Value << YAML::BeginMap << YAML::Key << "serial" << YAML::Value
        << YAML::BeginMap << YAML::EndMap << YAML::EndMap;
    out << YAML::Key << "methods" << YAML::Value << YAML::BeginMap << YAML::Key << "qemu" << YAML::Value
        << YAML::BeginMap << YAML::Key << "parameters" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "command" << YAML::Value << "qemu-system-x86_64";
    out << YAML::Key << "options" << YAML::Value << YAML::BeginSeq;
    if (kvm) out << "-accel kvm";
    out << "-accel tcg"
        << "-m " + std::to_string(memory_mb) << "-smp " + std::to_string(cpus) << "-display none"
        << "-monitor none"
        << "-serial stdio"
        << "-no-reboot";
    out << YAML::EndSeq << YAML::EndMap << YAML::EndMap << YAML::EndMap << YAML::EndMap;
    out << YAML::EndMap;
    out << YAML::Key << "timeouts" << YAML::Value << YAML::BeginMap << YAML::Key << "actions" << YAML::Value
        << YAML::BeginMap << YAML::EndMap << YAML::Key << "connections" << YAML::Value << YAML::BeginMap << YAML::EndMap
        << YAML::EndMap;
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace seriesctl::validate
