// The board job against a real sshd on 127.0.0.1: real ssh and scp, real
// commands, through the seriesctl binary.
#include <chrono>
#include <gtest/gtest.h>
#include <regex>

#include "support/git_fixture.h"
#include "support/loopback_sshd.h"
#include "support/png_render.h"
#include "support/project_copy.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "support/source_paths.h"

using namespace seriesctl;
namespace fs = std::filesystem;

namespace {

struct LoopbackBoard {
    test::TempDir dir;
    fs::path root = test::copy_project(dir / "project");
    test::LoopbackSshd sshd{dir / "sshd"};
    fs::path series_file = root / "series" / "vb2-release-fence.yaml";
    std::string series_before = util::read_file(series_file);

    // A board "loop" and a build host "loop-build", both this sshd, whose
    // job is `steps`; the board keeps its "kernel log" in a file, its
    // "trace" is one a real kernel wrote (the qemu lane's v2 run) and its
    // "screenshot" copies a PNG the test rendered.
    void configure(const std::string& steps, bool trust_host_key = true, const std::string& ssh_extra = "") {
        fs::path board_config = sshd.client_config("loop", trust_host_key, ssh_extra);
        fs::path build_config = sshd.client_config("loop-build", trust_host_key, ssh_extra);
        test::write(dir / "board/kmsg", "[    0.000000] Booting Linux\n");
        fs::copy_file(fs::path(test::source_dir()) / "tool/tests/data/qemu/v2-trace.txt", dir / "board/trace",
                      fs::copy_options::overwrite_existing);
        test::write_png(dir / "board/frame.png", 32, 24, [](uint32_t x, uint32_t y) { return (x << 24) | (y << 16) | 0xff; });
        test::write(dir / "home/config/seriesctl/hosts.yaml",
                    "hosts:\n"
                    "  loop-build:\n"
                    "    ssh: loop-build\n"
                    "    ssh-config: " + build_config.string() + "\n"
                    "    arch: x86_64\n"
                    "    role: build-host\n"
                    "  loop:\n"
                    "    ssh: loop\n"
                    "    ssh-config: " + board_config.string() + "\n"
                    "    arch: x86_64\n"
                    "    role: board\n"
                    "    job:\n"
                    "      vars:\n"
                    "        board: " + (dir / "board").string() + "\n"
                    "      remote: " + (dir / "remote").string() + "/{run}\n"
                    "      trace-start: echo started > {remote}/trace-state\n"
                    "      trace-stop: cat {board}/trace\n"
                    "      dmesg: cat {board}/kmsg\n"
                    "      screenshot: cp {board}/frame.png {file}\n"
                    "      steps:\n" + steps);
    }
    proc::ProcessResult validate(std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"validate", "--hw", "loop"};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run_seriesctl(args, root, dir / "home");
    }
};

}  // namespace

TEST(SshJob, RunsRealCommandsCopiesBothWaysAndRecordsItsGates) {
    LoopbackBoard board;
    board.configure(
        "        - name: build\n"
        "          host: loop-build\n"
        "          run: mkdir -p {remote}/out && echo package > {remote}/out/linux.pkg && echo {remote}/out/linux.pkg\n"
        "          capture: package-file\n"
        "          timeout: 30\n"
        "        - {name: fetch, host: loop-build, get: ['{package-file}'], to: '{local}/package', timeout: 30}\n"
        "        - name: copy\n"
        "          host: loop\n"
        "          put: ['{local}/package/*.pkg', '{patches}/*.patch']\n"
        "          to: '{remote}/installed'\n"
        "          timeout: 30\n"
        "        - {name: install, host: loop, run: 'ls {remote}/installed && uname -r', capture: kernel, timeout: 30}\n"
        "        - name: play\n"
        "          host: loop\n"
        "          workload: echo '[   42.000000] workload ran' >> {board}/kmsg; sleep 10\n"
        "          duration: 4\n"
        "          screenshots: 1\n"
        "          timeout: 30\n");
    proc::ProcessResult run = board.validate();
    ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
    std::smatch match;
    ASSERT_TRUE(std::regex_search(run.out, match, std::regex("run (\\d{8}T\\d{6}Z-v2)"))) << run.out;
    std::string run_id = match[1];
    EXPECT_NE(run.out.find("  install (loop): passed"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("gate frames-play passed"), std::string::npos) << run.out;
    // The trace and dmesg analysers judged what the workload left.
    EXPECT_NE(run.out.find("gate fence-balance passed"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("gate lockdep-play passed in-series=0 unrelated=0"), std::string::npos) << run.out;
    EXPECT_NE(run.err.find("[5/5] play on loop (timeout 30 s)"), std::string::npos) << run.err;

    fs::path raw = board.dir / "home/cache/seriesctl/evidence/vb2-release-fence" / run_id;
    // Copied from the build host, then to the board with the version's patches.
    EXPECT_EQ(util::read_file(raw / "package/linux.pkg"), "package\n");
    fs::path installed = board.dir / "remote" / run_id / "installed";
    EXPECT_TRUE(fs::exists(installed / "linux.pkg"));
    EXPECT_TRUE(fs::exists(installed / "0001-media-videobuf2-add-dma_resv-release-fence-helper.patch"));
    // The workload ran under `timeout 4` (sleep 10 cut short), between trace start and stop.
    EXPECT_EQ(util::read_file(raw / "play/dmesg.txt"), "[   42.000000] workload ran\n");
    EXPECT_EQ(util::read_file(raw / "play/trace.txt"), util::read_file(board.dir / "board/trace"));
    EXPECT_EQ(util::read_file(board.dir / "remote" / run_id / "trace-state"), "started\n");
    size_t shots = 0;
    for (const auto& entry : fs::directory_iterator(raw / "play/screenshots")) shots += entry.path().extension() == ".png";
    EXPECT_GE(shots, 2u);
    EXPECT_LE(shots, 5u);
    EXPECT_NE(util::read_file(raw / "steps/05-play.log").find("workload exit status 124"), std::string::npos);

    // The summary is in the checkout, the gate on the version, bound to what ran.
    std::string summary = util::read_file(board.root / "series/vb2-release-fence/evidence" / run_id / "run.json");
    std::string release = util::read_file("/proc/sys/kernel/osrelease");
    release.pop_back();
    EXPECT_NE(summary.find("\"kernel\": \"" + release + "\""), std::string::npos) << summary;
    std::string series = util::read_file(board.series_file);
    size_t gate = series.find("      frames-play:\n        verdict: passed\n        binding: code\n");
    ASSERT_NE(gate, std::string::npos) << series;
    EXPECT_NE(series.find("kernel: " + release, gate), std::string::npos);
    EXPECT_NE(series.find("duplicates: " + std::to_string(shots - 1), gate), std::string::npos);
    EXPECT_NE(series.find("artifacts: " + raw.string(), gate), std::string::npos);
}

TEST(SshJob, AStepThatTimesOutStopsTheJobAndMarksNothing) {
    LoopbackBoard board;
    board.configure("        - {name: first, host: loop, run: 'echo fine', timeout: 30}\n"
                    "        - {name: hang, host: loop, run: 'echo waiting; sleep 60', timeout: 3}\n"
                    "        - {name: never, host: loop, run: 'touch " + (board.dir / "never").string() +
                    "', timeout: 30}\n");
    auto start = std::chrono::steady_clock::now();
    proc::ProcessResult run = board.validate();
    auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_LT(took, std::chrono::seconds(20));
    EXPECT_NE(run.err.find("seriesctl: step hang on loop failed: timed out after 3 s\n"
                           "  command: echo waiting; sleep 60\n"
                           "  last output:\n"
                           "    waiting\n"
                           "  no gate recorded\n"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.out.find("  hang (loop): timed out, 3 s\n  never (loop): not run\n"), std::string::npos) << run.out;
    EXPECT_FALSE(fs::exists(board.dir / "never"));
    EXPECT_EQ(util::read_file(board.series_file), board.series_before);
}

TEST(SshJob, AFailingStepReportsStepCommandAndLastLines) {
    LoopbackBoard board;
    board.configure("        - name: makepkg\n"
                    "          host: loop-build\n"
                    "          run: >-\n"
                    "            for i in 1 2 3 4 5 6 7; do echo \"line $i\"; done; echo 'ERROR: build failed' >&2; exit 3\n"
                    "          timeout: 30\n"
                    "        - {name: install, host: loop, run: 'true', timeout: 30}\n");
    proc::ProcessResult run = board.validate();
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("seriesctl: step makepkg on loop-build failed: exit status 3\n"
                           "  command: for i in 1 2 3 4 5 6 7; do echo \"line $i\"; done; echo 'ERROR: build failed' >&2; exit 3\n"
                           "  last output:\n"
                           "    line 1\n"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("    line 7\n    ERROR: build failed\n  no gate recorded\n"), std::string::npos) << run.err;
    EXPECT_NE(run.out.find("  makepkg (loop-build): failed"), std::string::npos);
    EXPECT_NE(run.out.find("  install (loop): not run"), std::string::npos);
    EXPECT_EQ(util::read_file(board.series_file), board.series_before);
}

TEST(SshJob, AnUnknownHostKeyIsRefusedEvenWhenTheSshConfigSaysNotToCheck) {
    LoopbackBoard board;
    // The user's config would accept any key: the command line wins.
    board.configure("        - {name: first, host: loop, run: 'touch " + (board.dir / "ran").string() + "', timeout: 30}\n",
                    false, "  StrictHostKeyChecking no\n");
    proc::ProcessResult run = board.validate();
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("seriesctl: step first on loop failed: the host key of loop (ssh loop) is not in known_hosts "
                           "or has changed; check its fingerprint and add it with one interactive `ssh loop` "
                           "(seriesctl never skips the host key check)\n"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("Host key verification failed."), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(board.dir / "ran"));
    EXPECT_EQ(util::read_file(board.dir / "sshd/loop-known_hosts"), "");
}

TEST(SshJob, ARebootThatNeverChangesTheBootIdTimesOut) {
    LoopbackBoard board;
    // A loopback sshd cannot reboot: the boot_id stays, and the wait must end on time.
    board.configure("        - {name: reboot, host: loop, reboot: 'true', expect-kernel: 9.9.9-new, timeout: 8}\n"
                    "        - {name: after, host: loop, run: 'true', timeout: 30}\n");
    auto start = std::chrono::steady_clock::now();
    proc::ProcessResult run = board.validate();
    auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_GE(took, std::chrono::seconds(7));
    EXPECT_LT(took, std::chrono::seconds(25));
    std::string boot_id = util::read_file("/proc/sys/kernel/random/boot_id");
    boot_id.pop_back();
    EXPECT_NE(run.err.find("seriesctl: step reboot on loop failed: timed out after 8 s waiting for the reboot: the "
                           "boot_id stayed " + boot_id + "\n"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.out.find("  reboot (loop): timed out"), std::string::npos) << run.out;
    EXPECT_EQ(util::read_file(board.series_file), board.series_before);
}
