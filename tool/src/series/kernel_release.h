#pragma once

#include <optional>
#include <string>

namespace seriesctl::series {

/// A kernel release as upstream tags it: v6.12.117, v6.13, v6.13-rc2.
/// It names a base the same way on every machine, where a tarball's
/// import commit is local.
struct KernelRelease {
    int version = 0;
    int patchlevel = 0;
    int sublevel = 0;
    int rc = 0;  ///< 0 = a release, N = -rcN

    /// The upstream tag: "v6.12.117", "v6.13" (sublevel 0), "v6.13-rc2".
    std::string tag() const;
    auto operator<=>(const KernelRelease& other) const {
        if (auto c = version <=> other.version; c != 0) return c;
        if (auto c = patchlevel <=> other.patchlevel; c != 0) return c;
        if (auto c = sublevel <=> other.sublevel; c != 0) return c;
        // v6.13-rc1 < v6.13-rc2 < v6.13
        return (rc == 0 ? 1000 : rc) <=> (other.rc == 0 ? 1000 : other.rc);
    }
    bool operator==(const KernelRelease& other) const = default;
};

/// Parses an upstream tag ("v6.12.117", "v6.13-rc2"); nullopt when it is not one.
std::optional<KernelRelease> parse_release_tag(const std::string& tag);

/// The release a kernel tree's top Makefile says it is (VERSION, PATCHLEVEL,
/// SUBLEVEL, EXTRAVERSION); nullopt when the text does not say.
std::optional<KernelRelease> release_of_makefile(const std::string& makefile);

}  // namespace seriesctl::series
