#include "util/png_image.h"

#include <memory>
#include <png.h>

#include "util/error.h"

namespace seriesctl::util {

namespace {

// libpng's simplified API keeps its state behind png_image::opaque.
struct PngImageFree {
    void operator()(png_image* image) const { png_image_free(image); }
};

}  // namespace

RgbaImage decode_png(std::string_view bytes, const std::string& name) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    std::unique_ptr<png_image, PngImageFree> guard(&image);
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
        throw Error(name + ": not a PNG image (" + image.message + ")");
    image.format = PNG_FORMAT_RGBA;
    RgbaImage result;
    result.width = image.width;
    result.height = image.height;
    result.pixels.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, result.pixels.data(), 0, nullptr))
        throw Error(name + ": cannot decode the PNG image (" + image.message + ")");
    return result;
}

}  // namespace seriesctl::util
