#include "util/random_hex.h"

#include <fstream>
#include <vector>

#include "util/error.h"
#include "util/hash.h"

namespace seriesctl::util {

std::string random_hex(size_t bytes) {
    std::ifstream random("/dev/urandom", std::ios::binary);
    std::vector<unsigned char> data(bytes);
    if (!random.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(bytes)))
        throw Error("cannot read /dev/urandom");
    return to_hex(data.data(), data.size());
}

}  // namespace seriesctl::util
