#include "hw/board_validation.h"

#include <nlohmann/json.hpp>

#include "analyse/kernel_reports.h"
#include "analyse/trace_counts.h"
#include "hw/host_config.h"
#include "proc/subprocess.h"
#include "repo/gate_record.h"
#include "repo/series_content.h"
#include "series/evidence.h"
#include "util/atomic_file.h"
#include "util/clock.h"
#include "util/xdg.h"

namespace seriesctl::hw {

namespace fs = std::filesystem;

namespace {

struct Setup {
    repo::VersionAtHand at;
    const HostConfig& hosts;  // the caller's, which outlives the setup (board points into it)
    const HostSpec* board = nullptr;
    JobContext context;
};

// Without a run id (a plan), {run} stays unfilled in every path.
Setup set_up(const repo::Project& project, const HostConfig& hosts, const BoardRequest& request) {
    Setup setup{repo::load_version_at_hand(project, project.resolve_series(request.series), request.version), hosts,
                &find_board(hosts, request.board), {}};
    const series::Series& series = setup.at.series;
    setup.context = JobContext{series.name,
                               setup.at.version().name(),
                               "",
                               setup.at.version().patches,
                               "kernel/" + series.name + "/configs",
                               util::cache_dir() / "evidence" / series.name / "{run}"};
    return setup;
}

// "20261201T213000Z-v2": sorts by time, names the version.
std::string make_run_id(const std::string& version) { return util::now_run_stamp() + "-" + version; }

std::string ssh_version() {
    proc::ProcessResult version = run_command(proc::Command{{"ssh", "-V"}});
    std::string text = version.err.empty() ? version.out : version.err;
    return text.substr(0, text.find('\n'));
}

nlohmann::json summary_json(const BoardValidation& run) {
    nlohmann::json out = {{"run", run.run_id},       {"series", run.series}, {"version", run.version},
                          {"board", run.board},      {"kernel", run.job.kernel},
                          {"raw", run.raw.string()}, {"captured", run.job.captured}};
    out["steps"] = nlohmann::json::array();
    for (const auto& step : run.job.steps)
        out["steps"].push_back({{"name", step.name}, {"host", step.host}, {"state", step.state},
                                {"seconds", static_cast<int>(step.seconds + 0.5)}});
    if (run.job.failure) {
        const JobFailure& failure = *run.job.failure;
        out["failure"] = {{"step", failure.step}, {"host", failure.host}, {"command", failure.command},
                          {"reason", failure.reason}, {"last-lines", failure.last_lines}};
    }
    out["workloads"] = nlohmann::json::object();
    for (const auto& analysis : run.analyses) {
        nlohmann::json workload = nlohmann::json::object();
        if (analysis.frames) {
            workload["frames"] = nlohmann::json::array();
            for (const auto& frame : analysis.frames->frames)
                workload["frames"].push_back({{"file", frame.name}, {"md5", frame.md5}, {"colours", frame.colours},
                                              {"uniform", frame.uniform}, {"duplicate", frame.duplicate}});
        }
        out["workloads"][analysis.workload] = workload;
    }
    out["gates"] = nlohmann::json::object();
    for (const auto& gate : run.gates)
        out["gates"][gate.name] = {{"verdict", gate.passed ? "passed" : "failed"}, {"figures", gate.figures},
                                   {"why", gate.why}};
    return out;
}

}  // namespace

BoardPlan plan_board_validation(const repo::Project& project, const HostConfig& hosts, const BoardRequest& request) {
    Setup setup = set_up(project, hosts, request);
    return BoardPlan{setup.context.series, setup.context.version, setup.board->name,
                     plan_job(setup.hosts, *setup.board, setup.context, project.root(),
                              static_cast<int>(RebootPolling{}.interval.count()))};
}

WorkloadAnalysis analyse_workload(const WorkloadArtifacts& artifacts, const analyse::SeriesCode& series_code) {
    WorkloadAnalysis analysis{artifacts.name, std::nullopt, std::nullopt, std::nullopt};
    // A workload is stopped while it streams: what its queues held may
    // still be open when tracing stops.
    if (fs::exists(artifacts.trace)) {
        std::vector<analyse::TraceEvent> events = analyse::parse_trace(util::read_file(artifacts.trace));
        analyse::TraceBalance balance = analyse::balance_trace(events, analyse::queued_buffers(events));
        analysis.trace = TraceVerdict{balance.balanced(), balance.counts, balance.problems()};
        // An empty trace balances trivially and proves nothing.
        if (balance.count("dma_fence_init") == 0 || balance.count("vb2_buf_queue") == 0) {
            analysis.trace->balanced = false;
            analysis.trace->problems.push_back("the trace holds no dma_fence_init or no vb2_buf_queue event");
        }
    }
    if (fs::exists(artifacts.dmesg)) {
        LockdepVerdict verdict;
        for (const auto& report : analyse::find_kernel_reports(util::read_file(artifacts.dmesg), series_code)) {
            if (!report.in_series) {
                ++verdict.unrelated;
                continue;
            }
            ++verdict.in_series;
            verdict.in_series_titles.push_back(report.title);
        }
        analysis.lockdep = verdict;
    }
    if (artifacts.screenshot_interval > 0) {
        std::vector<analyse::FrameStats> frames;
        for (const auto& file : artifacts.screenshots)
            frames.push_back(analyse::frame_stats(artifacts.name + "/screenshots/" + file.filename().string(),
                                                  util::read_file(file)));
        analysis.frames = analyse::check_frames(std::move(frames));
    }
    return analysis;
}

BoardValidation run_board_validation(const repo::Project& project, const HostConfig& hosts,
                                     const config::TreeConfig& trees, const BoardRequest& request, Remote& remote,
                                     const JobObserver& observer, const RebootPolling& polling) {
    Setup setup = set_up(project, hosts, request);
    std::string run_id = make_run_id(setup.context.version);
    setup.context.run = run_id;
    setup.context.local = util::cache_dir() / "evidence" / setup.context.series / run_id;
    const series::Version& version = setup.at.version();
    // What the job runs is bound now, before it reads the patch files.
    series::CurrentContent content = repo::current_content(project, setup.at.series, setup.at.patches,
                                             repo::cached_base_standing(trees, setup.at.series, version).tip);

    BoardValidation run{setup.context.series, setup.context.version, setup.board->name, run_id, {}, {}, {}, {}, {}};
    run.raw = setup.context.local;
    run.summary = project.series_dir() / setup.context.series / "evidence" / run_id / "run.json";
    run.job = run_board_job(setup.hosts, *setup.board, setup.context, project.root(), remote, observer, polling);
    if (run.job.ok()) {
        analyse::SeriesCode series_code = repo::load_series_code(project, setup.at.series);
        for (const auto& artifacts : run.job.workloads)
            run.analyses.push_back(analyse_workload(artifacts, series_code));
        run.gates = board_gates(run.analyses);
    }
    fs::create_directories(run.summary.parent_path());
    util::write_file_atomically(run.summary, summary_json(run).dump(2) + "\n");
    if (!run.job.ok() || run.gates.empty()) return run;

    std::string date = util::now_iso8601();
    std::map<std::string, series::Evidence> gates;
    for (const auto& gate : run.gates) {
        series::Evidence evidence =
            series::make_evidence(series::Binding::code, gate.passed, content, setup.at.series.tree_of(version), date);
        evidence.kernel = run.job.kernel;
        evidence.figures = gate.figures;
        evidence.figures["board"] = run.board;
        evidence.figures["run"] = run_id;
        if (!gate.why.empty()) evidence.figures["problem"] = gate.why;
        evidence.tools["ssh"] = ssh_version();
        evidence.artifacts = run.raw.string();
        gates[gate.name] = evidence;
    }
    repo::record_gates(project, run.series, run.version, gates);
    return run;
}

}  // namespace seriesctl::hw
