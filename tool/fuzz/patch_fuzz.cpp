// libFuzzer: the patch parser on format-patch files and patch mails
// (headers, subject, message, trailers, notes, diffstat, the diff through
// libgit2), and the patch-id and content hash of what parses.
#include <cstddef>
#include <cstdint>
#include <string>

#include "git/diff_parser.h"
#include "git/handle.h"
#include "patch/patch.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static seriesctl::git::Library libgit2;
    std::string text(reinterpret_cast<const char*>(data), size);
    seriesctl::patch::parse_patch_subject(text.substr(0, text.find('\n')));
    seriesctl::patch::parse_trailers(text);
    try {
        seriesctl::patch::PatchFile patch = seriesctl::git::read_patch(text, "fuzz.patch");
        patch.patch_id();
        patch.content_hash();
    } catch (const seriesctl::util::Error&) {
    }
    return 0;
}
