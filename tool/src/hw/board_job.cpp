#include "hw/board_job.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "hw/boot_check.h"
#include "hw/open_ssh.h"
#include "util/error.h"

namespace seriesctl::hw {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// How long a reboot step gives each of its probes and its reboot command.
constexpr Seconds probe_timeout{20};

// One step's run: its budget, its log, and how it ended.
class StepRun {
public:
    StepRun(const HostSpec& host, int timeout, const fs::path& log, const LineSink& on_line)
        : host_(host), deadline_(Clock::now() + Seconds(timeout)), timeout_(timeout), log_(log), on_line_(on_line) {
        sink_ = [this](const std::string& line) {
            log_ << line << '\n';
            if (on_line_) on_line_(line);
        };
    }

    const LineSink& sink() const { return sink_; }
    /// What is left of the step's time, `cap` at most.
    Seconds left(Seconds cap = Seconds::max()) const {
        auto left = std::chrono::ceil<Seconds>(deadline_ - Clock::now());
        return std::clamp(left, Seconds(0), cap);
    }
    bool over() const { return left() <= Seconds(0); }

    /// Ends the step as failed on what a remote action did.
    bool fail(const std::string& command, const RemoteOutcome& outcome) {
        std::string reason = outcome.timed_out ? "timed out after " + std::to_string(timeout_) + " s" : "";
        if (reason.empty()) reason = ssh_failure_hint(host_, outcome.last_lines);
        if (reason.empty()) reason = "exit status " + std::to_string(outcome.exit_code);
        return fail(command, reason, outcome.last_lines, outcome.timed_out);
    }
    bool fail(const std::string& command, const std::string& reason, const std::vector<std::string>& lines = {},
              bool timed_out = false) {
        failure_ = JobFailure{"", host_.name, command, reason, lines};
        timed_out_ = timed_out;
        return false;
    }
    const std::optional<JobFailure>& failure() const { return failure_; }
    bool timed_out() const { return timed_out_; }

private:
    const HostSpec& host_;
    Clock::time_point deadline_;
    int timeout_;
    std::ofstream log_;
    LineSink on_line_;
    LineSink sink_;
    std::optional<JobFailure> failure_;
    bool timed_out_ = false;
};

std::string last_word_line(const std::vector<std::string>& lines) {
    for (auto line = lines.rbegin(); line != lines.rend(); ++line)
        if (line->find_first_not_of(" \t") != std::string::npos) return *line;
    return "";
}

class JobRunner {
public:
    JobRunner(const HostConfig& hosts, const HostSpec& board, const JobContext& context, const fs::path& root,
              Remote& remote, const RebootPolling& polling)
        : hosts_(hosts), board_(board), context_(context), root_(root), remote_(remote), polling_(polling),
          values_(job_variables(board.job, context)) {}

    bool run(const JobStep& step, StepRun& run, JobResult& result) {
        const HostSpec& host = hosts_.at(step.host);
        switch (step.kind) {
        case JobStep::Kind::run: return run_command(step, host, run, result);
        case JobStep::Kind::put: return put(step, host, run);
        case JobStep::Kind::get: return get(step, host, run);
        case JobStep::Kind::reboot: return reboot(step, host, run);
        case JobStep::Kind::workload: return workload(step, host, run, result);
        }
        return false;
    }

    const Variables& values() const { return values_; }

private:
    bool run_command(const JobStep& step, const HostSpec& host, StepRun& run, JobResult& result) {
        RemoteOutcome outcome = remote_.run(host, step.command, run.left(), run.sink());
        if (!outcome.ok()) return run.fail(step.command, outcome);
        if (step.capture.empty()) return true;
        std::string value = last_word_line(outcome.last_lines);
        if (value.empty()) return run.fail(step.command, "printed nothing for {" + step.capture + "}", outcome.last_lines);
        values_[step.capture] = result.captured[step.capture] = value;
        return true;
    }

    bool put(const JobStep& step, const HostSpec& host, StepRun& run) {
        std::vector<fs::path> files;
        try {
            files = expand_local(step.files, root_, false);
        } catch (const util::Error& e) {
            return run.fail("put " + step.files.front(), e.what());
        }
        std::vector<fs::path> full;
        for (const auto& file : files) full.push_back(file.is_absolute() ? file : root_ / file);
        RemoteOutcome outcome = remote_.put(host, full, step.to, run.left(), run.sink());
        return outcome.ok() || run.fail("scp to " + host.ssh + ":" + step.to, outcome);
    }

    bool get(const JobStep& step, const HostSpec& host, StepRun& run) {
        fs::path to = fs::path(step.to).is_absolute() ? fs::path(step.to) : root_ / step.to;
        RemoteOutcome outcome = remote_.get(host, step.files, to, run.left(), run.sink());
        return outcome.ok() || run.fail("scp from " + host.ssh + ":" + step.files.front(), outcome);
    }

    std::optional<BootProbe> probe(const HostSpec& host, StepRun& run, RemoteOutcome& outcome) {
        outcome = remote_.run(host, boot_probe_script(), run.left(probe_timeout), run.sink());
        return outcome.ok() ? parse_boot_probe(outcome.last_lines) : std::nullopt;
    }

    void sleep(Seconds time) {
        if (polling_.sleep)
            polling_.sleep(time);
        else
            std::this_thread::sleep_for(time);
    }

    bool reboot(const JobStep& step, const HostSpec& host, StepRun& run) {
        RemoteOutcome outcome;
        std::optional<BootProbe> before = probe(host, run, outcome);
        if (!outcome.ok()) return run.fail(boot_probe_script(), outcome);
        if (!before) return run.fail(boot_probe_script(), "did not print a boot id and a release", outcome.last_lines);
        outcome = remote_.run(host, step.command, run.left(probe_timeout), run.sink());
        // The connection going down with the host (ssh's 255, or no answer) is what a reboot looks like.
        if (!outcome.ok() && !outcome.timed_out && outcome.exit_code != 255) return run.fail(step.command, outcome);
        std::string waiting = "the boot_id stayed " + before->boot_id;
        for (;;) {
            if (run.over()) break;
            sleep(std::min(polling_.interval, run.left()));
            if (run.over()) break;
            std::optional<BootProbe> now = probe(host, run, outcome);
            if (!now) {
                // A probe cut short by the step's own deadline says nothing of the host: keep what the last one saw.
                if (run.over()) break;
                std::string hint = ssh_failure_hint(host, outcome.last_lines);
                if (hint.empty()) hint = last_word_line(outcome.last_lines);
                waiting = "not back: " + (hint.empty() ? "no answer" : hint);
                continue;
            }
            switch (judge_boot(before->boot_id, *now, step.expect_kernel)) {
            case BootState::same_boot: continue;
            case BootState::back: return true;
            case BootState::wrong_kernel:
                return run.fail(boot_probe_script(),
                                "came back with uname -r " + now->release + ", expected " + step.expect_kernel,
                                outcome.last_lines);
            }
        }
        return run.fail(boot_probe_script(),
                        "timed out after " + std::to_string(step.timeout) + " s waiting for the reboot: " + waiting,
                        outcome.last_lines, true);
    }

    bool workload(const JobStep& step, const HostSpec& host, StepRun& run, JobResult& result) {
        if (result.kernel.empty()) {
            RemoteOutcome release = remote_.run(host, "uname -r", run.left(probe_timeout), run.sink());
            if (!release.ok()) return run.fail("uname -r", release);
            result.kernel = last_word_line(release.last_lines);
        }
        std::string script = workload_script(board_.job, step, values_);
        RemoteOutcome ran = remote_.run(host, script, run.left(), run.sink());
        // Fetched even when the workload failed: its dmesg says why.
        std::string dir = values_.at("remote") + "/" + step.name;
        RemoteOutcome fetched = remote_.get(host, {dir}, context_.local, std::max(run.left(), Seconds(30)), run.sink());
        WorkloadArtifacts artifacts{step.name, context_.local / step.name, context_.local / step.name / "trace.txt",
                                    context_.local / step.name / "dmesg.txt", {}, step.screenshot_interval};
        if (fs::is_directory(artifacts.dir / "screenshots"))
            for (const auto& entry : fs::directory_iterator(artifacts.dir / "screenshots"))
                if (entry.path().extension() == ".png") artifacts.screenshots.push_back(entry.path());
        std::sort(artifacts.screenshots.begin(), artifacts.screenshots.end());
        if (fetched.ok()) result.workloads.push_back(artifacts);
        if (!ran.ok()) return run.fail(script, ran);
        if (!fetched.ok()) return run.fail("scp from " + host.ssh + ":" + dir, fetched);
        for (const auto& file : {artifacts.trace, artifacts.dmesg})
            if (!fs::exists(file)) return run.fail(script, "left no " + file.filename().string(), ran.last_lines);
        return true;
    }

    const HostConfig& hosts_;
    const HostSpec& board_;
    const JobContext& context_;
    const fs::path& root_;
    Remote& remote_;
    const RebootPolling& polling_;
    Variables values_;
};

std::string log_name(size_t index, const std::string& step) {
    std::string number = std::to_string(index + 1);
    return (number.size() < 2 ? "0" + number : number) + "-" + step + ".log";
}

}  // namespace

JobResult run_board_job(const HostConfig& hosts, const HostSpec& board, const JobContext& context, const fs::path& root,
                        Remote& remote, const JobObserver& observer, const RebootPolling& polling) {
    JobResult result;
    const auto& steps = board.job.steps;
    for (const auto& step : steps) result.steps.push_back({step.name, step.host, "not run", 0, {}});
    fs::create_directories(context.local / "steps");
    JobRunner runner(hosts, board, context, root, remote, polling);
    for (size_t i = 0; i < steps.size(); ++i) {
        JobStep step = resolve_step(steps[i], runner.values());
        if (observer.on_step) observer.on_step(i, steps.size(), step);
        StepReport& report = result.steps[i];
        report.log = context.local / "steps" / log_name(i, step.name);
        auto start = Clock::now();
        StepRun run(hosts.at(step.host), step.timeout, report.log, observer.on_line);
        bool passed = runner.run(step, run, result);
        report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (passed) {
            report.state = "passed";
            continue;
        }
        report.state = run.timed_out() ? "timed out" : "failed";
        result.failure = run.failure();
        result.failure->step = step.name;
        break;
    }
    return result;
}

}  // namespace seriesctl::hw
