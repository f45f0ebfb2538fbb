#pragma once

#include <array>
#include <memory>
#include <openssl/evp.h>
#include <string>
#include <string_view>

namespace seriesctl::util {

/// Incremental SHA-1 (git's patch-id is defined over SHA-1) over OpenSSL.
class Sha1 {
public:
    using Digest = std::array<unsigned char, 20>;
    Sha1();

    void update(std::string_view data);
    /// Returns the digest and starts over, ready for new input.
    Digest finish();

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

/// Lower-case hex of raw bytes.
std::string to_hex(const unsigned char* data, size_t size);

/// SHA-256 of `data` in hex: the content hash that evidence binds to.
std::string sha256_hex(std::string_view data);

}  // namespace seriesctl::util
