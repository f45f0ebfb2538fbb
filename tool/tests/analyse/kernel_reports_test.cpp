#include "analyse/kernel_reports.h"

#include <gtest/gtest.h>

#include "analyse/series_code_config.h"
#include "support/source_paths.h"
#include "util/atomic_file.h"

using namespace seriesctl;
using namespace seriesctl::analyse;

namespace {

// The series' code as the shipped series names it.
SeriesCode series_code() {
    auto file = test::source_dir() + "/kernel/vb2-release-fence/configs/series-code.yaml";
    return parse_series_code(util::read_file(file), file);
}

std::string data(const std::string& name) {
    return util::read_file(test::source_dir() + "/tool/tests/data/qemu/" + name);
}

// The shape of the seed's bes2600 splat (PineTab2, arm64): a circular
// dependency between cfg80211's wiphy mutex and the wireless driver's tx
// lock; frames name bes2600 and cfg80211, nothing of vb2 or dma-buf.
const char* bes2600_splat = R"([  812.114201] ======================================================
[  812.114209] WARNING: possible circular locking dependency detected
[  812.114215] 7.0.0-danctnix1-4-pinetab2 #1 Not tainted
[  812.114220] ------------------------------------------------------
[  812.114224] kworker/u8:3/211 is trying to acquire lock:
[  812.114229] ffff0000c2a1e0b8 (&hw_priv->tx_lock){+.-.}-{3:3}, at: bes2600_tx_queue_put+0x3c/0x1a0 [bes2600]
[  812.114262]
               but task is already holding lock:
[  812.114266] ffff0000c1f3a6d0 (&rdev->wiphy.mtx){+.+.}-{4:4}, at: cfg80211_wiphy_work+0x30/0x1c0 [cfg80211]
[  812.114296]
               which lock already depends on the new lock.
[  812.114305]
               the existing dependency chain (in reverse order) is:
[  812.114309]
               -> #1 (&hw_priv->tx_lock){+.-.}-{3:3}:
[  812.114322]        _raw_spin_lock_bh+0x50/0x70
[  812.114331]        bes2600_bh_work+0x88/0x2a0 [bes2600]
[  812.114349]        process_one_work+0x1f4/0x5c0
[  812.114357]        worker_thread+0x1b0/0x380
[  812.114363]        kthread+0x110/0x120
[  812.114370]        ret_from_fork+0x10/0x20
[  812.114377]
               -> #0 (&rdev->wiphy.mtx){+.+.}-{4:4}:
[  812.114390]        __lock_acquire+0x1390/0x21a0
[  812.114397]        lock_acquire+0x1cc/0x330
[  812.114403]        __mutex_lock+0xa0/0x840
[  812.114410]        mutex_lock_nested+0x2c/0x40
[  812.114416]        bes2600_wiphy_flush+0x44/0x120 [bes2600]
[  812.114433]        cfg80211_wiphy_work+0x90/0x1c0 [cfg80211]
[  812.114451]
               other info that might help us debug this:
[  812.114549] stack backtrace:
[  812.114553] CPU: 2 UID: 0 PID: 211 Comm: kworker/u8:3 Not tainted 7.0.0-danctnix1-4-pinetab2 #1
[  812.114560] Hardware name: Pine64 PineTab2 v2.0 (DT)
[  812.114564] Workqueue: events_unbound cfg80211_wiphy_work [cfg80211]
[  812.114590] Call trace:
[  812.114593]  show_stack+0x20/0x38
[  812.114600]  dump_stack_lvl+0x8c/0xd0
[  812.114607]  print_circular_bug+0x2a0/0x2e8
[  812.114614]  check_noncircular+0x168/0x180
[  812.114620]  __lock_acquire+0x1390/0x21a0
[  812.114626]  lock_acquire+0x1cc/0x330
[  812.114633]  _raw_spin_lock_bh+0x50/0x70
[  812.114639]  bes2600_tx_queue_put+0x3c/0x1a0 [bes2600]
[  812.114656]  cfg80211_wiphy_work+0x90/0x1c0 [cfg80211]
[  812.114672]  process_one_work+0x1f4/0x5c0
[  812.114680]  ret_from_fork+0x10/0x20
[  812.200001] rockchip-rga fdeb0000.rga: HW Version: 0x03.02
)";

TEST(KernelReports, SeedsBes2600SplatIsUnrelatedAndNamesTheModule) {
    auto reports = find_kernel_reports(bes2600_splat, series_code());
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].kind, ReportKind::circular_locking);
    EXPECT_EQ(reports[0].title, "WARNING: possible circular locking dependency detected");
    EXPECT_FALSE(reports[0].in_series);
    EXPECT_EQ(reports[0].culprit, "bes2600");
    EXPECT_FALSE(reports[0].culprit_built_in);
    // The report ends with its backtrace: the rga line after it is not part of it.
    EXPECT_EQ(reports[0].lines.back(), " ret_from_fork+0x10/0x20");
}

TEST(KernelReports, AFrameInVideobuf2MakesItTheSeries) {
    std::string splat = bes2600_splat;
    splat.replace(splat.find("bes2600_wiphy_flush+0x44/0x120 [bes2600]"), 40,
                  "vb2_buffer_attach_release_fence+0x44/0x120 [videobuf2_common]");
    auto reports = find_kernel_reports(splat, series_code());
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_TRUE(reports[0].in_series);
    EXPECT_EQ(reports[0].series_frame, "vb2_buffer_attach_release_fence [videobuf2_common]");
}

TEST(KernelReports, ALockdepReportThroughTheSignallingMapIsASignallingViolation) {
    std::string splat = bes2600_splat;
    splat.replace(splat.find("(&rdev->wiphy.mtx){+.+.}-{4:4}, at:"), 36, "(dma_fence_map){++++}-{0:0}, at:");
    auto reports = find_kernel_reports(splat, series_code());
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].kind, ReportKind::signalling_violation);
}

TEST(KernelReports, WarningAndOopsAreSeparateReportsEndingAtEndTrace) {
    std::string text = "[    1.0] ------------[ cut here ]------------\n"
                       "[    1.1] WARNING: CPU: 0 PID: 1 at drivers/dma-buf/dma-fence.c:571 dma_fence_release+0x1a/0x60\n"
                       "[    1.2] RIP: 0010:dma_fence_release+0x1a/0x60\n"
                       "[    1.3] ---[ end trace 0000000000000000 ]---\n"
                       "[    2.0] some other line\n"
                       "[    3.0] BUG: kernel NULL pointer dereference, address: 0000000000000008\n"
                       "[    3.1] Oops: Oops: 0000 [#1] PREEMPT SMP\n"
                       "[    3.2] RIP: 0010:mydrv_poke+0x8/0x20 [mydrv]\n"
                       "[    3.3] ---[ end trace 0000000000000000 ]---\n";
    auto reports = find_kernel_reports(text, series_code());
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].kind, ReportKind::warning);
    EXPECT_TRUE(reports[0].in_series);
    EXPECT_EQ(reports[1].kind, ReportKind::oops);
    EXPECT_EQ(reports[1].lines.size(), 4u);  // the Oops line belongs to the BUG report
    EXPECT_FALSE(reports[1].in_series);
    EXPECT_EQ(reports[1].culprit, "mydrv");
}

TEST(KernelReports, ACleanBootHasNoReports) {
    EXPECT_TRUE(find_kernel_reports(data("v2-dmesg.txt"), series_code()).empty());
}

// Written by a real 6.12 kernel booted with lockdep_demo.run=1: the
// validation overlay's deliberate inversion, built in, outside the series.
TEST(KernelReports, RealLockdepDemoReportIsUnrelatedBuiltIn) {
    auto reports = find_kernel_reports(data("lockdep-demo-dmesg.txt"), series_code());
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].kind, ReportKind::circular_locking);
    EXPECT_FALSE(reports[0].in_series);
    EXPECT_TRUE(reports[0].culprit_built_in);
    EXPECT_EQ(reports[0].culprit.rfind("lockdep_demo_", 0), 0u) << reports[0].culprit;
}

// Written by a real 6.12 kernel running a broken v2 (the fence added
// without reserving a slot): the crash is in the series' code.
TEST(KernelReports, RealCrashOfABrokenVariantIsTheSeries) {
    auto reports = find_kernel_reports(data("broken-dmesg.txt"), series_code());
    ASSERT_FALSE(reports.empty());
    EXPECT_TRUE(reports[0].in_series);
    EXPECT_NE(reports[0].series_frame.find("dma_resv_add_fence"), std::string::npos) << reports[0].series_frame;
}

}  // namespace
