// LAVA logs as lava-run 2023.01 wrote them (tool/tests/data/lava/: a
// passing job of the qemu lane's kernel, and the end of one whose monitor
// reached the end of the console), and in lavacli's raw form.
#include "analyse/lava_log.h"

#include <gtest/gtest.h>

#include "analyse/console_sections.h"
#include "analyse/fence_probe.h"
#include "support/source_paths.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace seriesctl;

namespace {

std::string data(const std::string& name) {
    return util::read_file(test::source_dir() + "/tool/tests/data/lava/" + name);
}

}  // namespace

TEST(LavaLog, APassingJobGivesTheConsoleTheLaneJudges) {
    analyse::LavaLog log = analyse::parse_lava_log(data("lava-run-qemu-pass.log"), "lava.log");
    EXPECT_EQ(log.job_result, "pass");
    EXPECT_EQ(log.error, "");
    EXPECT_EQ(log.result_of("fence-probe", "verdict"), "pass");
    EXPECT_EQ(log.result_of("fence-probe", "exit"), "pass");
    EXPECT_EQ(log.result_of("fence-probe", "missing"), "");
    EXPECT_TRUE(log.other_lines.empty());

    analyse::ConsoleSections console = analyse::split_console(log.console);
    EXPECT_TRUE(console.done);
    EXPECT_EQ(console.get("uname"), "6.12.118\n");
    analyse::FenceProbeResult probe = analyse::parse_fence_probe(console.get("probe"));
    EXPECT_TRUE(probe.complete);
    EXPECT_EQ(probe.verdict, "fence");
    EXPECT_NE(console.get("trace").find("dma_fence_init"), std::string::npos);
    EXPECT_NE(console.get("dmesg").find("Linux version 6.12.118"), std::string::npos);
    EXPECT_EQ(log.console.find("\"lvl\""), std::string::npos) << "records, not their text, reach the console";
}

TEST(LavaLog, AFailedJobSaysWhy) {
    analyse::LavaLog log = analyse::parse_lava_log(data("lava-run-connection-closed.log"), "lava.log");
    EXPECT_EQ(log.job_result, "fail");
    EXPECT_EQ(log.error, "Infrastructure: Connection closed");
    EXPECT_EQ(log.result_of("lava", "lava-test-monitor"), "fail");
    EXPECT_NE(log.console.find("@@seriesctl-done\n"), std::string::npos);
}

TEST(LavaLog, ReadsLavacliRawLinesAndKeepsWhatIsNotARecord) {
    std::string raw =
        "- {\"dt\": \"2026-12-06T00:16:49.233273\", \"lvl\": \"target\", \"msg\": \"@@seriesctl-begin uname\"}\n"
        "- {\"dt\": \"2026-12-06T00:16:49.248881\", \"lvl\": \"target\", \"msg\": \"6.12.118\"}\n"
        "Traceback (most recent call last):\n"
        // The line that ended a monitor, read while LAVA finalises: console too.
        "- {\"dt\": \"2026-12-06T03:12:37.378371\", \"lvl\": \"feedback\", \"msg\": \"@@seriesctl-done\", \"ns\": "
        "\"common\"}\n"
        "- {\"dt\": \"2026-12-06T00:16:54.148846\", \"lvl\": \"results\", \"msg\": {\"case\": \"job\", \"definition\": "
        "\"lava\", \"result\": \"pass\"}}\n";
    analyse::LavaLog log = analyse::parse_lava_log(raw, "job 7");
    EXPECT_EQ(log.console, "@@seriesctl-begin uname\n6.12.118\n@@seriesctl-done\n");
    EXPECT_EQ(log.job_result, "pass");
    EXPECT_EQ(log.other_lines, std::vector<std::string>{"Traceback (most recent call last):"});
}

TEST(LavaLog, ATornRecordNamesItsLine) {
    std::string torn = "{\"dt\": \"2026-12-06T00:16:49\", \"lvl\": \"target\", \"msg\": \"a\"}\n{\"dt\": \"2026-12-06";
    try {
        analyse::parse_lava_log(torn, "out/lava.log");
        FAIL() << "a torn record was read";
    } catch (const util::Error& e) {
        EXPECT_NE(std::string(e.what()).find("out/lava.log:2: not a LAVA log record"), std::string::npos) << e.what();
    }
}
