#include <gtest/gtest.h>

#include "hw/board_job.h"
#include "hw/boot_check.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::hw;

namespace {

// Records what the job asks of the hosts and answers from a script: each
// command gets the answers queued for it, in order (the last one repeats).
class RecordingRemote : public Remote {
public:
    std::vector<std::string> calls;
    std::map<std::string, std::vector<RemoteOutcome>> answers;
    std::function<void(const std::filesystem::path&)> on_get;

    RemoteOutcome answer(const std::string& call) {
        calls.push_back(call);
        for (auto& [prefix, queue] : answers)
            if (call.rfind(prefix, 0) == 0) {
                RemoteOutcome next = queue.front();
                if (queue.size() > 1) queue.erase(queue.begin());
                return next;
            }
        return {};
    }
    RemoteOutcome run(const HostSpec& host, const std::string& script, Seconds, const LineSink& on_line) override {
        RemoteOutcome outcome = answer(host.name + ": " + script);
        for (const auto& line : outcome.last_lines) on_line(line);
        return outcome;
    }
    RemoteOutcome put(const HostSpec& host, const std::vector<std::filesystem::path>& files, const std::string& dir,
                      Seconds, const LineSink&) override {
        std::string call = host.name + ": put";
        for (const auto& file : files) call += " " + file.filename().string();
        return answer(call + " -> " + dir);
    }
    RemoteOutcome get(const HostSpec& host, const std::vector<std::string>& paths, const std::filesystem::path& dir,
                      Seconds, const LineSink&) override {
        std::string call = host.name + ": get";
        for (const auto& path : paths) call += " " + path;
        if (on_get) on_get(dir);
        return answer(call);
    }
};

const std::string boot_a = "8b38689d-5ad7-4890-bd16-c88f9f14f6f8";
const std::string boot_b = "0f6d1c2e-1b7a-4c1d-9a55-3e2f4b6a7c8d";

HostConfig hosts() {
    HostConfig config;
    config["builder"] = HostSpec{"builder", "builder", "", "aarch64", HostSpec::Role::build_host, {}};
    HostSpec board{"board", "board", "", "aarch64", HostSpec::Role::board, {}};
    board.job.remote = "/tmp/r";
    board.job.trace_start = "trace-on";
    board.job.trace_stop = "trace-off";
    board.job.dmesg = "dmesg";
    board.job.screenshot = "shot {file}";
    auto step = [](std::string name, std::string host, JobStep::Kind kind) {
        JobStep s;
        s.name = std::move(name), s.host = std::move(host), s.kind = kind, s.timeout = 60;
        return s;
    };
    JobStep build = step("build", "builder", JobStep::Kind::run);
    build.command = "makepkg";
    build.capture = "package-file";
    JobStep fetch = step("fetch", "builder", JobStep::Kind::get);
    fetch.files = {"{package-file}"};
    fetch.to = "{local}/package";
    JobStep install = step("install", "board", JobStep::Kind::run);
    install.command = "pacman -U x";
    install.capture = "kernel";
    JobStep reboot = step("reboot", "board", JobStep::Kind::reboot);
    reboot.command = "systemctl reboot";
    reboot.expect_kernel = "{kernel}";
    JobStep play = step("play", "board", JobStep::Kind::workload);
    play.command = "mpv x";
    play.duration = 30;
    play.screenshot_interval = 1;
    JobStep after = step("after", "board", JobStep::Kind::run);
    after.command = "true";
    board.job.steps = {build, fetch, install, reboot, play, after};
    config["board"] = board;
    return config;
}

RemoteOutcome said(std::vector<std::string> lines, int exit_code = 0) { return {exit_code, false, std::move(lines)}; }

std::string probe() { return std::string("board: ") + boot_probe_script(); }

}  // namespace

TEST(BoardJob, RunsStepsInOrderWithCapturesAndWaitsForTheNewBoot) {
    test::TempDir dir;
    HostConfig config = hosts();
    RecordingRemote remote;
    remote.answers["builder: makepkg"] = {said({"==> Finished", "/home/b/linux-x-7.0-4-aarch64.pkg.tar.zst"})};
    remote.answers["board: pacman"] = {said({"installing", "7.0.0-4-besser"})};
    // Before the reboot, twice more while it is down or not yet gone, then back.
    remote.answers[probe()] = {said({boot_a, "7.0.0-3-besser"}), said({boot_a, "7.0.0-3-besser"}),
                               said({"ssh: connect to host board port 22: Connection refused"}, 255),
                               said({boot_b, "7.0.0-4-besser"})};
    remote.answers["board: systemctl reboot"] = {said({"Connection to board closed by remote host."}, 255)};
    remote.answers["board: uname -r"] = {said({"7.0.0-4-besser"})};
    remote.on_get = [](const std::filesystem::path& to) {
        test::write(to / "play/trace.txt", "# tracer: nop\n");
        test::write(to / "play/dmesg.txt", "");
        test::write(to / "play/screenshots/0002.png", "");
        test::write(to / "play/screenshots/0001.png", "");
    };
    std::vector<Seconds> slept;
    std::vector<std::string> started;
    JobContext context{"s", "v2", "run1", "kernel/s/v2", "kernel/s/configs", dir / "local"};
    JobResult result = run_board_job(
        config, config.at("board"), context, dir.path(), remote,
        {[&](size_t i, size_t n, const JobStep& step) { started.push_back(std::to_string(i + 1) + "/" + std::to_string(n) + " " + step.name); },
         nullptr},
        {Seconds(5), [&](Seconds time) { slept.push_back(time); }});

    ASSERT_TRUE(result.ok()) << result.failure->step << ": " << result.failure->reason;
    EXPECT_EQ(started, (std::vector<std::string>{"1/6 build", "2/6 fetch", "3/6 install", "4/6 reboot", "5/6 play", "6/6 after"}));
    ASSERT_GE(remote.calls.size(), 10u);
    EXPECT_EQ(remote.calls[0], "builder: makepkg");
    EXPECT_EQ(remote.calls[1], "builder: get /home/b/linux-x-7.0-4-aarch64.pkg.tar.zst");
    EXPECT_EQ(remote.calls[2], "board: pacman -U x");
    EXPECT_EQ(remote.calls[3], probe());
    EXPECT_EQ(remote.calls[4], "board: systemctl reboot");
    EXPECT_EQ(remote.calls[5], probe());
    EXPECT_EQ(remote.calls[6], probe());
    EXPECT_EQ(remote.calls[7], probe());
    EXPECT_EQ(slept, (std::vector<Seconds>{Seconds(5), Seconds(5), Seconds(5)}));
    EXPECT_EQ(remote.calls[8], "board: uname -r");
    EXPECT_EQ(remote.calls[9].rfind("board: set -e\nout='/tmp/r/play'\n", 0), 0u) << remote.calls[9];
    EXPECT_NE(remote.calls[9].find("timeout 30 sh -c 'mpv x' || status=$?"), std::string::npos);
    EXPECT_EQ(remote.calls[10], "board: get /tmp/r/play");
    EXPECT_EQ(result.kernel, "7.0.0-4-besser");
    EXPECT_EQ(result.captured.at("package-file"), "/home/b/linux-x-7.0-4-aarch64.pkg.tar.zst");
    ASSERT_EQ(result.workloads.size(), 1u);
    EXPECT_EQ(result.workloads[0].screenshots,
              (std::vector<std::filesystem::path>{dir / "local/play/screenshots/0001.png",
                                                  dir / "local/play/screenshots/0002.png"}));
    for (const auto& step : result.steps) EXPECT_EQ(step.state, "passed") << step.name;
    EXPECT_EQ(util::read_file(result.steps[0].log), "==> Finished\n/home/b/linux-x-7.0-4-aarch64.pkg.tar.zst\n");
}

TEST(BoardJob, TheOldKernelComingBackFailsTheReboot) {
    test::TempDir dir;
    HostConfig config = hosts();
    RecordingRemote remote;
    remote.answers["builder: makepkg"] = {said({"/p.pkg.tar.zst"})};
    remote.answers["board: pacman"] = {said({"7.0.0-4-besser"})};
    remote.answers[probe()] = {said({boot_a, "7.0.0-3-besser"}), said({boot_b, "7.0.0-3-besser"})};
    JobContext context{"s", "v2", "run1", "kernel/s/v2", "kernel/s/configs", dir / "local"};
    JobResult result = run_board_job(config, config.at("board"), context, dir.path(), remote, {},
                                     {Seconds(1), [](Seconds) {}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure->step, "reboot");
    EXPECT_EQ(result.failure->reason, "came back with uname -r 7.0.0-3-besser, expected 7.0.0-4-besser");
    EXPECT_EQ(result.steps[3].state, "failed");
    EXPECT_EQ(result.steps[4].state, "not run");
    EXPECT_EQ(result.steps[5].state, "not run");
    EXPECT_TRUE(result.workloads.empty());
}

TEST(BoardJob, AFailedStepStopsTheJobWithItsCommandAndLastLines) {
    test::TempDir dir;
    HostConfig config = hosts();
    RecordingRemote remote;
    remote.answers["builder: makepkg"] = {said({"==> Starting build()...", "==> ERROR: A failure occurred in build()."}, 4)};
    JobContext context{"s", "v2", "run1", "kernel/s/v2", "kernel/s/configs", dir / "local"};
    JobResult result = run_board_job(config, config.at("board"), context, dir.path(), remote, {});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure->step, "build");
    EXPECT_EQ(result.failure->host, "builder");
    EXPECT_EQ(result.failure->command, "makepkg");
    EXPECT_EQ(result.failure->reason, "exit status 4");
    EXPECT_EQ(result.failure->last_lines.back(), "==> ERROR: A failure occurred in build().");
    EXPECT_EQ(remote.calls, (std::vector<std::string>{"builder: makepkg"}));
    EXPECT_EQ(result.steps[0].state, "failed");
    for (size_t i = 1; i < result.steps.size(); ++i) EXPECT_EQ(result.steps[i].state, "not run");
}

TEST(BoardJob, APutWhoseFilesAreMissingFailsBeforeAnyCopy) {
    test::TempDir dir;
    HostConfig config = hosts();
    JobStep put;
    put.name = "copy-patches", put.host = "builder", put.kind = JobStep::Kind::put, put.timeout = 60;
    put.files = {"{patches}/*.patch"};
    put.to = "pkgbuild";
    config.at("board").job.steps = {put};
    test::write(dir / "kernel/s/v2/0001-a.patch", "a");
    test::write(dir / "kernel/s/v2/0002-b.patch", "b");
    RecordingRemote remote;
    JobContext context{"s", "v2", "run1", "kernel/s/v2", "kernel/s/configs", dir / "local"};
    ASSERT_TRUE(run_board_job(config, config.at("board"), context, dir.path(), remote, {}).ok());
    EXPECT_EQ(remote.calls, (std::vector<std::string>{"builder: put 0001-a.patch 0002-b.patch -> pkgbuild"}));

    remote.calls.clear();
    context.patches = "kernel/s/v3";
    JobResult missing = run_board_job(config, config.at("board"), context, dir.path(), remote, {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.failure->reason, "no local file matches " + (dir / "kernel/s/v3/*.patch").string());
    EXPECT_TRUE(remote.calls.empty());
}
