#pragma once

#include <optional>
#include <string>

#include "validate/lava_farm.h"
#include "validate/qemu_lane.h"

namespace seriesctl::validate {

/// `validate --hw lava:DEVICE-TYPE`: the qemu lane's kernels, initramfs and
/// judging, booted by LAVA. Each kernel becomes one job definition
/// (validate/lava_job), checked against LAVA's own schema, then run by
/// `lava-run` here (device type qemu, no farm: a device dictionary for
/// this machine) or submitted with lavacli to `farm`, after its kernel and
/// initramfs are published there. The job's log gives the console the
/// lane's analysers judge; a failed job is a problem of the run. Gates:
/// lava-<type>-fence and lava-<type>-lockdep.
LaneBoot lava_boot(const std::string& device_type, const std::optional<LavaFarm>& farm);

}  // namespace seriesctl::validate
