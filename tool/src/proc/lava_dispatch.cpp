#include "proc/lava_dispatch.h"

#include <unistd.h>

#include "proc/streamed_run.h"
#include "proc/subprocess.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace seriesctl::proc {

namespace {

// lava-dispatcher is a Python package of Debian's python3, not of whatever
// python3 comes first in PATH.
const char* const debian_python = "/usr/bin/python3";

const char* const schema_check = R"py(import sys, yaml, voluptuous
from lava_common.schemas import validate
try:
    validate(yaml.safe_load(sys.stdin.read()), strict=True)
except voluptuous.Invalid as e:
    print("%s (at %s)" % (e.msg, "/".join(str(p) for p in e.path)))
except yaml.YAMLError as e:
    print("not YAML: %s" % e)
)py";

void require(const std::string& program, const std::string& package) {
    if (!program_exists(program)) throw util::Error(program + " is missing: apt-get install " + package);
}

std::string first_line(const std::string& text) { return util::trimmed(text.substr(0, text.find('\n'))); }

}  // namespace

std::string lava_schema_problem(const std::string& job_yaml) {
    require("lava-run", "lava-dispatcher");
    ProcessResult checked = run_command(Command{{debian_python, "-c", schema_check}}, job_yaml);
    if (!checked.ok()) throw util::Error("LAVA's schema check failed to run: " + checked.tail(3));
    return util::trimmed(checked.out);
}

LavaJobOutput run_lava_locally(const std::string& job_yaml, const std::string& device_yaml, const fs::path& dir,
                               const std::string& job_name, std::chrono::seconds timeout,
                               const std::function<void(const std::string&)>& on_line) {
    require("lava-run", "lava-dispatcher");
    if (::geteuid() != 0)
        throw util::Error(
            "lava-run runs jobs as root only (it writes /var/lib/lava/dispatcher): run as root, or "
            "name a LAVA farm in config/hosts.yaml");
    fs::create_directories(dir);
    util::write_file_atomically(dir / "job.yaml", job_yaml);
    util::write_file_atomically(dir / "device.yaml", device_yaml);
    // The dispatcher keeps downloads under /var/lib/lava/dispatcher/tmp/<job id>:
    // a fresh id per run, removed when it is over.
    LavaJobOutput output;
    output.job_id = "seriesctl-" + std::to_string(::getpid()) + "-" + job_name;
    output.where = "lava-run";
    std::string log;
    StreamedResult run = run_streamed(
        Command{{"lava-run", "--job-id", output.job_id, "--output-dir", (dir / "output").string(), "--device",
                 (dir / "device.yaml").string(), (dir / "job.yaml").string()}},
        timeout,
        [&](const std::string& line) {
            log += line + "\n";
            on_line(line);
        },
        40);
    std::error_code ignored;
    fs::remove_all(fs::path("/var/lib/lava/dispatcher/tmp") / output.job_id, ignored);
    util::write_file_atomically(dir / "lava.log", log);
    if (run.timed_out)
        throw util::Error("lava-run did not finish within " + std::to_string(timeout.count()) +
                          " s (log: " + (dir / "lava.log").string() + ")");
    // lava-run exits 1 for a failed job too; the log says why, and the
    // caller reads it. No record at all is a dispatcher that did not start.
    if (log.find("\"lvl\"") == std::string::npos)
        throw util::Error("lava-run failed (exit " + std::to_string(run.exit_code) +
                          "): " + (run.last_lines.empty() ? "no output" : run.last_lines.back()));
    output.log = std::move(log);
    return output;
}

LavaJobOutput run_lava_on_farm(const std::string& identity, const std::string& job_yaml, const fs::path& dir,
                               std::chrono::seconds timeout, std::chrono::seconds polling,
                               const std::function<void(const std::string&)>& progress) {
    require("lavacli", "lavacli");
    fs::create_directories(dir);
    util::write_file_atomically(dir / "job.yaml", job_yaml);
    auto lavacli = [&](std::vector<std::string> words) {
        words.insert(words.begin(), {"lavacli", "-i", identity});
        return run_command(Command{words});
    };
    ProcessResult submitted = lavacli({"jobs", "submit", (dir / "job.yaml").string()});
    std::string id = first_line(submitted.out);
    // lavacli prints its errors on stdout ("Unable to submit …") and may still exit 0.
    if (!submitted.ok() || id.empty() || id.find_first_not_of("0123456789.") != std::string::npos)
        throw util::Error("lavacli -i " + identity +
                          ": the job was not submitted: " + (id.empty() ? submitted.tail(3) : id));
    LavaJobOutput output{id, "", identity + " job " + id};
    progress(output.where + ": submitted, waiting for it to finish");
    ProcessResult waited = lavacli({"jobs", "wait", id, "--polling", std::to_string(polling.count()), "--timeout",
                                    std::to_string(timeout.count())});
    if (waited.out.find("timeout!") != std::string::npos) {
        // Not left to hold a board of the farm for nobody.
        ProcessResult cancelled = lavacli({"jobs", "cancel", id});
        throw util::Error(output.where + " did not finish within " + std::to_string(timeout.count()) + " s; " +
                          (cancelled.ok() ? "cancelled" : "cancelling it failed: " + cancelled.tail(2)));
    }
    if (!waited.ok()) throw util::Error(output.where + ": lavacli jobs wait failed: " + waited.tail(3));
    ProcessResult logs = lavacli({"jobs", "logs", id, "--raw", "--no-follow"});
    if (!logs.ok()) throw util::Error(output.where + ": lavacli jobs logs failed: " + logs.tail(3));
    util::write_file_atomically(dir / "lava.log", logs.out);
    output.log = logs.out;
    return output;
}

}  // namespace seriesctl::proc
