#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seriesctl::util {

/// Pixels, 8-bit RGBA, rows top to bottom.
struct RgbaImage {
    uint32_t width = 0, height = 0;
    std::vector<uint8_t> pixels;  ///< width * height * 4 bytes
};

/// Decodes a PNG (any colour type and depth libpng reads) to RGBA; a file
/// that is not one is an Error naming `name` and what libpng said.
RgbaImage decode_png(std::string_view bytes, const std::string& name);

}  // namespace seriesctl::util
