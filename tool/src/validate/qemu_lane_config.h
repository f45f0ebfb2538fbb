#pragma once

#include <string>


namespace seriesctl::validate {

/// How a series is validated under qemu (kernel/<series>/configs/qemu.yaml).
struct QemuLaneConfig {
    std::string fragment = "qemu";  ///< configs/<fragment>.config, merged on `make tinyconfig`
    int probe_jobs = 100;           ///< mem2mem jobs fence_probe runs
    int probe_slow_jobs = 3;        ///< … of which the first run this long, so they are surely in flight
    int probe_slow_ms = 300;
    int probe_fast_ms = 20;
    int boot_timeout = 300;         ///< seconds qemu may run before it is killed
};

QemuLaneConfig parse_qemu_lane_config(const std::string& text, const std::string& file);

}  // namespace seriesctl::validate
