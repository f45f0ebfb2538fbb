#include "support/png_render.h"

#include <png.h>
#include <stdexcept>
#include <vector>

#include "support/temp_dir.h"

namespace seriesctl::test {

std::string render_png(uint32_t width, uint32_t height, const std::function<uint32_t(uint32_t, uint32_t)>& colour) {
    std::vector<uint8_t> pixels(static_cast<size_t>(width) * height * 4);
    for (uint32_t y = 0; y < height; ++y)
        for (uint32_t x = 0; x < width; ++x) {
            uint32_t rgba = colour(x, y);
            uint8_t* pixel = &pixels[(static_cast<size_t>(y) * width + x) * 4];
            pixel[0] = rgba >> 24, pixel[1] = rgba >> 16, pixel[2] = rgba >> 8, pixel[3] = rgba;
        }
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = PNG_FORMAT_RGBA;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr))
        throw std::runtime_error(std::string("libpng: ") + image.message);
    std::string png(size, '\0');
    if (!png_image_write_to_memory(&image, png.data(), &size, 0, pixels.data(), 0, nullptr))
        throw std::runtime_error(std::string("libpng: ") + image.message);
    png.resize(size);
    return png;
}

void write_png(const std::filesystem::path& file, uint32_t width, uint32_t height,
               const std::function<uint32_t(uint32_t, uint32_t)>& colour) {
    write(file, render_png(width, height, colour));
}

}  // namespace seriesctl::test
