#pragma once

#include <filesystem>

namespace seriesctl::test {

/// What a test does with the kernel work trees (checkouts) it is given.
enum class WorkTrees {
    shared,  ///< links to the user's: the test reads them at the tip they hold
    copied,  ///< copies of its own: the test moves a tree to another commit
};

/// A seriesctl cache of the test's own at `home`/cache/seriesctl (use
/// `home`/cache as XDG_CACHE_HOME), whose tree store borrows the user's
/// kernel objects read-only through objects/info/alternates and starts
/// with the user's refs (the imported trees and their tags). Whatever the
/// test imports, rebases or records lands in its own store: a test run
/// cannot change what the user's trees look like. Build and qemu outputs go
/// to the test suite's own cache (`<user cache>/tests/`), shared between
/// tests so that identical compiles are reused. Throws when the user's
/// cache has no imported tree (tool/test imports debian-6.12 first).
std::filesystem::path borrow_kernel_cache(const std::filesystem::path& home, WorkTrees work_trees = WorkTrees::shared);

}  // namespace seriesctl::test
