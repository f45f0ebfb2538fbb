#pragma once

#include <string>

namespace seriesctl::test {

/// The checkout the tests were built from. Defined in one file only, so the
/// absolute path of a checkout reaches one compile command, and a fresh
/// clone elsewhere still finds every other test object in ccache.
const std::string& source_dir();

/// The seriesctl binary built with the tests.
const std::string& seriesctl_binary();

}  // namespace seriesctl::test
