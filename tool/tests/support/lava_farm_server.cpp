#include "support/lava_farm_server.h"

#include "support/public_inbox.h"
#include "support/source_paths.h"
#include "util/atomic_file.h"

namespace seriesctl::test {

LavaFarmServer::LavaFarmServer(const std::filesystem::path& dir, const std::string& device_yaml)
    : dir_(dir), port_(free_port()) {
    std::filesystem::create_directories(dir);
    util::write_file_atomically(dir / "device.yaml", device_yaml);
    proc::Command command{{"timeout", "900", "/usr/bin/python3",
                           test::source_dir() + "/tool/tests/support/lava_farm.py", "--port", std::to_string(port_),
                           "--device", (dir / "device.yaml").string(), "--dir", dir.string()}};
    process_ = std::make_unique<proc::Subprocess>(command, proc::Subprocess::Stdin::closed);
    wait_for_port(port_, "lava_farm.py");
}

LavaFarmServer::~LavaFarmServer() = default;  // Subprocess's destructor stops it (SIGTERM, passed on by timeout)

}  // namespace seriesctl::test
