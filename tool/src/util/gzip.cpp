#include "util/gzip.h"

#include <memory>
#include <zlib.h>

#include "util/error.h"

namespace seriesctl::util {

namespace {

struct InflateEnd {
    void operator()(z_stream* stream) const { inflateEnd(stream); }
};

}  // namespace

std::string gunzip(std::string_view compressed, const std::string& where, size_t limit) {
    if (compressed.size() < 2 || compressed[0] != '\x1f' || compressed[1] != '\x8b')
        throw Error(where + ": the answer is not gzip data");
    z_stream stream{};
    // 16 + MAX_WBITS: expect a gzip header and trailer, not a raw zlib stream.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) throw Error(where + ": cannot start gzip decoding");
    std::unique_ptr<z_stream, InflateEnd> guard(&stream);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[65536];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        rc = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (out.size() > limit)
            throw Error(where + ": the gzip stream inflates to more than " + std::to_string(limit >> 20) +
                        " MiB; cut off (" + std::to_string(compressed.size()) + " bytes received)");
        if (rc == Z_STREAM_END) break;
        if (rc == Z_BUF_ERROR || (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0))
            throw Error(where + ": the gzip stream is truncated (" + std::to_string(compressed.size()) +
                        " bytes received)");
        if (rc != Z_OK)
            throw Error(where + ": the gzip stream is corrupt (" + std::string(stream.msg ? stream.msg : "?") + ")");
    }
    return out;
}

}  // namespace seriesctl::util
