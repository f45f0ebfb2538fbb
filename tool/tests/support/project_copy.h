#pragma once

#include <filesystem>

namespace seriesctl::test {

/// A copy of this checkout's config/, series/, kernel/ and templates/ in
/// `dir`, so a test can run verbs that record evidence without touching
/// the shipped series file.
std::filesystem::path copy_project(const std::filesystem::path& dir);

/// The user's cache (~/.cache/seriesctl or $XDG_CACHE_HOME/seriesctl):
/// slow tests share the imported kernel tree and build outputs there.
std::filesystem::path shared_cache_home();

}  // namespace seriesctl::test
