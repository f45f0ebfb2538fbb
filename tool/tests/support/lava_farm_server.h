#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "proc/subprocess.h"

namespace seriesctl::test {

/// A LAVA farm on 127.0.0.1 (tests/support/lava_farm.py): lava-server's
/// XML-RPC calls that lavacli makes, each job run by the real lava-run
/// against a qemu device dictionary here. `dir` keeps jobs and logs. It
/// runs under `timeout` and is stopped when this object goes.
class LavaFarmServer {
public:
    LavaFarmServer(const std::filesystem::path& dir, const std::string& device_yaml);
    ~LavaFarmServer();
    LavaFarmServer(const LavaFarmServer&) = delete;
    LavaFarmServer& operator=(const LavaFarmServer&) = delete;

    std::string uri() const { return "http://127.0.0.1:" + std::to_string(port_) + "/RPC2"; }
    std::filesystem::path dir() const { return dir_; }

private:
    std::filesystem::path dir_;
    int port_;
    std::unique_ptr<proc::Subprocess> process_;
};

}  // namespace seriesctl::test
