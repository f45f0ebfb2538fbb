#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/png_image.h"

namespace seriesctl::analyse {

/// One screenshot, judged.
struct FrameStats {
    std::string name;
    std::string md5;        ///< of the PNG file, as `md5sum` prints it
    size_t colours = 0;     ///< distinct RGBA values
    double dominant = 0;    ///< share of the pixels the most common colour covers
    bool uniform = false;   ///< one colour nearly everywhere (the GPU sampled zero pages)
    bool duplicate = false; ///< the same file as an earlier frame
};

/// A frame is uniform when one colour covers at least this share of it: a
/// mouse pointer on an all-green frame must not make it pass.
constexpr double uniform_share = 0.99;

/// Counts the colours of an image and the share of its most common one.
FrameStats pixel_stats(const util::RgbaImage& image);

/// Decodes and judges one PNG file's bytes (md5, colours, uniform).
FrameStats frame_stats(const std::string& name, std::string_view png);

/// A workload's screenshots in the order taken.
struct FrameReport {
    std::vector<FrameStats> frames;
    size_t uniform = 0;
    size_t duplicates = 0;  ///< frames equal to an earlier one
    size_t fewest_colours = 0;
    size_t most_colours = 0;

    /// There are frames and none is uniform (duplicates are only counted).
    bool passed() const { return !frames.empty() && uniform == 0; }
};

/// Marks duplicates and sums up.
FrameReport check_frames(std::vector<FrameStats> frames);

}  // namespace seriesctl::analyse
