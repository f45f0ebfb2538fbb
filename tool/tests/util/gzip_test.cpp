#include <gtest/gtest.h>
#include <zlib.h>

#include "util/error.h"
#include "util/gzip.h"

using namespace seriesctl;
using namespace seriesctl::util;

namespace {

std::string gzipped(const std::string& text) {
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, text.size()) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::string error_of(const std::string& data) {
    try {
        gunzip(data, "http://h/x.gz");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(Gzip, InflatesWhatWasDeflated) {
    std::string text(200000, 'x');
    text += "end";
    EXPECT_EQ(gunzip(gzipped(text), "t"), text);
}

TEST(Gzip, TruncatedStreamIsAnErrorNamingWhere) {
    std::string data = gzipped(std::string(5000, 'a') + "tail");
    EXPECT_EQ(error_of(data.substr(0, data.size() - 10)), "http://h/x.gz: the gzip stream is truncated (" +
                                                               std::to_string(data.size() - 10) + " bytes received)");
}

TEST(Gzip, OtherDataIsNoGzip) {
    EXPECT_EQ(error_of("<html></html>"), "http://h/x.gz: the answer is not gzip data");
    std::string corrupt = gzipped("hello world, hello world");
    corrupt[12] ^= 0x55;
    EXPECT_NE(error_of(corrupt).find("http://h/x.gz: the gzip stream is"), std::string::npos);
}

TEST(Gzip, ABombIsCutOffAtTheLimit) {
    std::string bomb = gzipped(std::string(8 << 20, '\0'));  // 8 MiB of zeros: a few KB compressed
    ASSERT_LT(bomb.size(), 20000u);
    try {
        gunzip(bomb, "http://h/x.gz", 1 << 20);
        FAIL() << "inflated past its limit";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), "http://h/x.gz: the gzip stream inflates to more than 1 MiB; cut off (" +
                                             std::to_string(bomb.size()) + " bytes received)");
    }
}

TEST(Gzip, AStreamUpToTheLimitInflates) {
    std::string text(1 << 20, 'y');
    EXPECT_EQ(gunzip(gzipped(text), "t", 1 << 20), text);
}
