#include "analyse/frames.h"

#include <algorithm>
#include <cstring>
#include <openssl/evp.h>
#include <set>

#include "util/hash.h"

namespace seriesctl::analyse {

FrameStats pixel_stats(const util::RgbaImage& image) {
    std::vector<uint32_t> colours(static_cast<size_t>(image.width) * image.height);
    std::memcpy(colours.data(), image.pixels.data(), colours.size() * 4);
    std::sort(colours.begin(), colours.end());
    FrameStats stats;
    size_t longest = 0;
    for (size_t i = 0, run = 0; i < colours.size(); ++i) {
        bool same = i > 0 && colours[i] == colours[i - 1];
        run = same ? run + 1 : 1;
        stats.colours += same ? 0 : 1;
        longest = std::max(longest, run);
    }
    stats.dominant = colours.empty() ? 0 : static_cast<double>(longest) / colours.size();
    stats.uniform = colours.empty() || stats.dominant >= uniform_share;
    return stats;
}

FrameStats frame_stats(const std::string& name, std::string_view png) {
    FrameStats stats = pixel_stats(util::decode_png(png, name));
    stats.name = name;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(png.data(), png.size(), digest, &size, EVP_md5(), nullptr);
    stats.md5 = util::to_hex(digest, size);
    return stats;
}

FrameReport check_frames(std::vector<FrameStats> frames) {
    FrameReport report;
    std::set<std::string> seen;
    for (auto& frame : frames) {
        frame.duplicate = !seen.insert(frame.md5).second;
        report.duplicates += frame.duplicate ? 1 : 0;
        report.uniform += frame.uniform ? 1 : 0;
        report.fewest_colours = report.frames.empty() ? frame.colours : std::min(report.fewest_colours, frame.colours);
        report.most_colours = std::max(report.most_colours, frame.colours);
        report.frames.push_back(frame);
    }
    return report;
}

}  // namespace seriesctl::analyse
