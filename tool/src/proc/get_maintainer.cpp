#include "proc/get_maintainer.h"

#include <memory>
#include <sstream>

#include "mail/recipients.h"
#include "proc/subprocess.h"
#include "util/error.h"

namespace seriesctl::proc {

namespace {

Command ask(const std::filesystem::path& tree, const std::filesystem::path& patch, const char* who) {
    return {{"perl", "scripts/get_maintainer.pl", "--nogit", "--nogit-fallback", "--nogit-chief-penguins",
             "--norolestats", who, patch.string()},
            tree,
            {}};
}

std::vector<mail::Address> answer(Subprocess& run, const Command& command, const std::filesystem::path& patch) {
    ProcessResult result = run.wait();
    std::string name = patch.filename().string();
    if (!result.ok())
        throw util::Error("get_maintainer.pl on " + name + " failed: " + command.display() + ": " + result.tail(1));
    std::vector<mail::Address> addresses;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) addresses.push_back(mail::recipient(line, "get_maintainer.pl output for " + name));
    return addresses;
}

}  // namespace

std::vector<PatchMaintainers> run_get_maintainer(const std::filesystem::path& tree,
                                                 const std::vector<std::filesystem::path>& patches) {
    if (!std::filesystem::exists(tree / "scripts/get_maintainer.pl"))
        throw util::Error(tree.string() + ": no scripts/get_maintainer.pl in the tree");
    std::vector<Command> commands;
    for (const auto& patch : patches) {
        commands.push_back(ask(tree, patch, "--nol"));
        commands.push_back(ask(tree, patch, "--nom"));
    }
    std::vector<std::unique_ptr<Subprocess>> running;
    for (const auto& command : commands)
        running.push_back(std::make_unique<Subprocess>(command, Subprocess::Stdin::closed));
    std::vector<PatchMaintainers> found;
    for (size_t i = 0; i < patches.size(); ++i) {
        PatchMaintainers maintainers;
        maintainers.to = answer(*running[2 * i], commands[2 * i], patches[i]);
        maintainers.cc = answer(*running[2 * i + 1], commands[2 * i + 1], patches[i]);
        found.push_back(maintainers);
    }
    return found;
}

}  // namespace seriesctl::proc
