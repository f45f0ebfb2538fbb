#pragma once

#include <filesystem>

namespace seriesctl::test {

/// A copy of this checkout's config/, series/, kernel/ and templates/ in
/// `dir`, so a test can run verbs that record evidence without touching
/// the shipped series file. series/ is taken as committed (or staged), not
/// as the user's own runs of the main job left it in the work tree.
std::filesystem::path copy_project(const std::filesystem::path& dir);

/// The user's cache (~/.cache/seriesctl or $XDG_CACHE_HOME/seriesctl):
/// where tool/test imported the default kernel tree. Tests only read it,
/// through a kernel cache of their own (support/kernel_cache.h).
std::filesystem::path shared_cache_home();

}  // namespace seriesctl::test
