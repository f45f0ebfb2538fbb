#include "util/hash.h"

#include <openssl/evp.h>

#include "util/error.h"

namespace seriesctl::util {

Sha1::Sha1() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha1(), nullptr) != 1)
        throw Error("OpenSSL cannot start a SHA-1 digest");
}

void Sha1::update(std::string_view data) {
    EVP_DigestUpdate(ctx_.get(), data.data(), data.size());
}

Sha1::Digest Sha1::finish() {
    Digest digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx_.get(), digest.data(), &size);
    EVP_DigestInit_ex(ctx_.get(), EVP_sha1(), nullptr);
    return digest;
}

std::string to_hex(const unsigned char* data, size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (size_t i = 0; i < size; ++i) {
        hex += digits[data[i] >> 4];
        hex += digits[data[i] & 0xf];
    }
    return hex;
}

std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1)
        throw Error("OpenSSL cannot compute a SHA-256 digest");
    return to_hex(digest, size);
}

}  // namespace seriesctl::util
