#include "git/handle.h"

#include <string>

#include "util/error.h"

namespace seriesctl::git {

void check(int rc, std::string_view what) {
    if (rc >= 0) return;
    const git_error* error = git_error_last();
    std::string detail = error && error->message ? error->message : "libgit2 error " + std::to_string(rc);
    throw util::Error(std::string(what) + ": " + detail);
}

std::string to_string(const git_oid& oid) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &oid);
    return hex;
}

git_oid parse_oid(std::string_view hex, std::string_view what) {
    git_oid oid;
    if (hex.size() != GIT_OID_HEXSZ || git_oid_fromstrn(&oid, hex.data(), hex.size()) != 0)
        throw util::Error(std::string(what) + ": '" + std::string(hex) + "' is not a full commit id");
    return oid;
}

}  // namespace seriesctl::git
