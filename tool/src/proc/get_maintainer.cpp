#include "proc/get_maintainer.h"

#include <sstream>

#include "core/error.h"
#include "core/recipients.h"
#include "proc/subprocess.h"

namespace seriesctl {

namespace {

std::vector<Address> ask(const std::filesystem::path& tree, const std::filesystem::path& patch, const char* who) {
    Command command{{"perl", "scripts/get_maintainer.pl", "--nogit", "--nogit-fallback", "--nogit-chief-penguins",
                     "--norolestats", who, patch.string()},
                    tree,
                    {}};
    ProcessResult result = run_checked(command, "get_maintainer.pl on " + patch.filename().string());
    std::vector<Address> addresses;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty())
            addresses.push_back(recipient(line, "get_maintainer.pl output for " + patch.filename().string()));
    return addresses;
}

}  // namespace

PatchMaintainers run_get_maintainer(const std::filesystem::path& tree, const std::filesystem::path& patch) {
    if (!std::filesystem::exists(tree / "scripts/get_maintainer.pl"))
        throw Error(tree.string() + ": no scripts/get_maintainer.pl in the tree");
    return {ask(tree, patch, "--nol"), ask(tree, patch, "--nom")};
}

}  // namespace seriesctl
