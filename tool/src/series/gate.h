#pragma once

#include <string>
#include <vector>

#include "series/series.h"

namespace seriesctl::series {

enum class GateState { open, passed, failed, stale };

/// What a version's patches are now, to compare evidence against.
struct CurrentContent {
    std::vector<PatchFingerprint> patches;  ///< in series order
    std::string base;    ///< base commit
    std::string config;  ///< hash of the config fragments
};

struct GateStatus {
    std::string name;
    GateState state = GateState::open;
    std::string why;  ///< for stale: what changed; for open: "no evidence"
    const Evidence* evidence = nullptr;
};

/// Whether evidence still describes `now`; when not, `why` says what moved.
bool evidence_is_current(const Evidence& evidence, const CurrentContent& now, std::string* why);

/// The series' required gates and any other recorded gate of `version`, in
/// that order: open without evidence, stale when the evidence was taken on
/// other content, else its verdict.
std::vector<GateStatus> gate_statuses(const Series& series, const Version& version, const CurrentContent& now);

std::string to_string(GateState state);

}  // namespace seriesctl::series
