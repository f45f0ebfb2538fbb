#include "validate/qemu_lane_config.h"

#include "series/yaml_fields.h"

namespace seriesctl::validate {

QemuLaneConfig parse_qemu_lane_config(const std::string& text, const std::string& file) {
    series::YamlFields at(series::parse_yaml(text, file), "", file);
    QemuLaneConfig config;
    if (at.has("fragment")) config.fragment = at.text("fragment");
    if (at.has("probe")) {
        series::YamlFields probe = at.child("probe");
        config.probe_jobs = probe.integer("jobs", config.probe_jobs);
        config.probe_slow_jobs = probe.integer("slow-jobs", config.probe_slow_jobs);
        config.probe_slow_ms = probe.integer("slow-ms", config.probe_slow_ms);
        config.probe_fast_ms = probe.integer("fast-ms", config.probe_fast_ms);
        probe.finish();
        if (config.probe_jobs < 1 || config.probe_slow_jobs < 1 || config.probe_slow_jobs > config.probe_jobs)
            probe.fail("jobs", "needs jobs >= slow-jobs >= 1");
    }
    config.boot_timeout = at.integer("boot-timeout", config.boot_timeout);
    at.finish();
    return config;
}

}  // namespace seriesctl::validate
