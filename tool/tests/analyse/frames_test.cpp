#include <gtest/gtest.h>

#include "analyse/frames.h"
#include "support/png_render.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::analyse;

namespace {

// The seed's bad frame: the GPU sampled zero pages, all green.
uint32_t zero_page_green(uint32_t, uint32_t) { return 0x00ff00ff; }

// A frame with content: every pixel its own colour.
uint32_t gradient(uint32_t x, uint32_t y) { return (x << 24) | (y << 16) | ((x ^ y) << 8) | 0xff; }

}  // namespace

TEST(Frames, UniformGreenFrameIsUniform) {
    FrameStats frame = frame_stats("0001.png", test::render_png(64, 48, zero_page_green));
    EXPECT_EQ(frame.colours, 1u);
    EXPECT_DOUBLE_EQ(frame.dominant, 1.0);
    EXPECT_TRUE(frame.uniform);
    EXPECT_EQ(frame.md5.size(), 32u);
}

TEST(Frames, VariedFrameCountsEveryColour) {
    FrameStats frame = frame_stats("0002.png", test::render_png(64, 48, gradient));
    EXPECT_EQ(frame.colours, 64u * 48u);
    EXPECT_FALSE(frame.uniform);
}

TEST(Frames, APointerOnAGreenFrameDoesNotMakeItPass) {
    // 16 of 3072 pixels differ: 99.5 % is still the one colour.
    auto with_pointer = [](uint32_t x, uint32_t y) { return x < 4 && y < 4 ? 0xffffffffu : zero_page_green(x, y); };
    FrameStats frame = frame_stats("0003.png", test::render_png(64, 48, with_pointer));
    EXPECT_EQ(frame.colours, 2u);
    EXPECT_TRUE(frame.uniform);
    // A frame half one colour is content, however few colours it has.
    auto halves = [](uint32_t x, uint32_t) { return x < 32 ? 0x000000ffu : 0xffffffffu; };
    EXPECT_FALSE(frame_stats("0004.png", test::render_png(64, 48, halves)).uniform);
}

TEST(Frames, DuplicatesAreCountedAndUniformFramesFail) {
    std::string varied = test::render_png(64, 48, gradient);
    std::string other = test::render_png(64, 48, [](uint32_t x, uint32_t y) { return gradient(y, x); });
    FrameReport good = check_frames({frame_stats("a.png", varied), frame_stats("b.png", varied),
                                     frame_stats("c.png", other), frame_stats("d.png", varied)});
    EXPECT_EQ(good.duplicates, 2u);
    EXPECT_FALSE(good.frames[0].duplicate);
    EXPECT_TRUE(good.frames[1].duplicate);
    EXPECT_FALSE(good.frames[2].duplicate);
    EXPECT_EQ(good.uniform, 0u);
    EXPECT_TRUE(good.passed());  // a still scene repeats frames; only counted

    FrameReport bad = check_frames({frame_stats("a.png", varied),
                                    frame_stats("b.png", test::render_png(64, 48, zero_page_green))});
    EXPECT_EQ(bad.uniform, 1u);
    EXPECT_EQ(bad.fewest_colours, 1u);
    EXPECT_EQ(bad.most_colours, 64u * 48u);
    EXPECT_FALSE(bad.passed());
    EXPECT_FALSE(check_frames({}).passed());
}

TEST(Frames, ANonPngIsAnErrorNamingTheFile) {
    try {
        frame_stats("0007.png", "not a png at all");
        FAIL() << "decoded garbage";
    } catch (const util::Error& e) {
        EXPECT_EQ(std::string(e.what()).rfind("0007.png: not a PNG image (", 0), 0u) << e.what();
    }
}
