#include "check/checkpatch_runner.h"

#include <regex>

#include "check/checkpatch_output.h"
#include "proc/subprocess.h"
#include "util/error.h"

namespace seriesctl::check {

CheckpatchRun run_checkpatch(const std::filesystem::path& tree, const std::vector<std::filesystem::path>& patches) {
    auto script = tree / "scripts" / "checkpatch.pl";
    if (!std::filesystem::exists(script)) throw util::Error(tree.string() + " has no scripts/checkpatch.pl");
    CheckpatchRun run;
    proc::ProcessResult version = run_command(proc::Command{{"perl", script.string(), "--version"}, tree});
    std::smatch match;
    static const std::regex version_shape(R"(Version: (\S+))");
    if (std::regex_search(version.out, match, version_shape)) run.version = match[1];

    for (size_t i = 0; i < patches.size(); ++i) {
        proc::Command command{{"perl", script.string(), "--strict", "--show-types", "--no-summary", "--color=never",
                         std::filesystem::absolute(patches[i]).string()},
                        tree};
        proc::ProcessResult result = run_command(command);
        auto findings = parse_checkpatch_output(result.out, static_cast<int>(i) + 1);
        // Exit 1 with findings is checkpatch's "problems found"; anything
        // else (a crash, a missing module) is not a result.
        if (result.exit_code > 1 || (result.exit_code == 1 && findings.empty()))
            throw util::Error("checkpatch failed on " + patches[i].string() + ": " + result.tail(3));
        run.findings.insert(run.findings.end(), findings.begin(), findings.end());
        run.log += "=== " + patches[i].filename().string() + "\n" + result.out + result.err;
    }
    return run;
}

}  // namespace seriesctl::check
