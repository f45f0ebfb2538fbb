#include "support/source_paths.h"

namespace seriesctl::test {

const std::string& source_dir() {
    static const std::string dir = SERIESCTL_SOURCE_DIR;
    return dir;
}

const std::string& seriesctl_binary() {
    static const std::string binary = SERIESCTL_BINARY;
    return binary;
}

}  // namespace seriesctl::test
