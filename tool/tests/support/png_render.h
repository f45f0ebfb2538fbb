#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace seriesctl::test {

/// Renders a width×height RGBA image whose pixel (x, y) is `colour(x, y)`
/// (0xRRGGBBAA) and encodes it as PNG with libpng: the test's screenshots.
std::string render_png(uint32_t width, uint32_t height, const std::function<uint32_t(uint32_t, uint32_t)>& colour);

/// The same, written to `file`.
void write_png(const std::filesystem::path& file, uint32_t width, uint32_t height,
               const std::function<uint32_t(uint32_t, uint32_t)>& colour);

}  // namespace seriesctl::test
