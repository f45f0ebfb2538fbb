#pragma once

#include <string>
#include <vector>

namespace seriesctl::analyse {

/// What the guest's fence_probe (tool/guest/fence_probe.c) reported.
struct FenceProbeResult {
    bool complete = false;  ///< its summary and verdict lines came
    std::string verdict;    ///< "fence", "stub" or "broken"
    int jobs = 0, fenced = 0, unsignalled_in_flight = 0, signalled_done = 0, stub = 0, errors = 0;
    std::string device;                ///< "/dev/video0"
    std::vector<std::string> drivers;  ///< fence driver names seen in flight, e.g. "videobuf2", "stub"
    std::vector<std::string> error_lines;
    std::vector<std::string> job_lines;  ///< the per-job lines it printed, as printed
};

FenceProbeResult parse_fence_probe(const std::string& text);

}  // namespace seriesctl::analyse
