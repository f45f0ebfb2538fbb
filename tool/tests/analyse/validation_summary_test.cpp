#include "analyse/validation_summary.h"

#include <gtest/gtest.h>

using namespace seriesctl;
using namespace seriesctl::analyse;

namespace {

KernelReport report(bool in_series, const std::string& culprit) {
    KernelReport r;
    r.kind = ReportKind::circular_locking;
    r.title = "WARNING: possible circular locking dependency detected";
    r.in_series = in_series;
    r.series_frame = in_series ? "vb2_buffer_done" : "";
    r.culprit = culprit;
    return r;
}

TraceBalance balanced_trace() {
    TraceBalance trace;
    trace.counts = {{"dma_fence_init", 100}, {"dma_fence_signaled", 100}};
    return trace;
}

TEST(ValidationSummary, AnUnrelatedReportIsListedButDoesNotFail) {
    auto summary = summarise_run("run", balanced_trace(), {report(false, "bes2600")});
    EXPECT_TRUE(summary.passed());
    EXPECT_EQ(summary.figures.at("kernel-reports-unrelated"), "1");
    EXPECT_EQ(summary.figures.at("kernel-reports-in-series"), "0");
    EXPECT_EQ(summary.figures.at("dma_fence_init"), "100");
    std::string markdown = render_markdown(summary);
    EXPECT_NE(markdown.find("## run: passed"), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("unrelated: module bes2600"), std::string::npos) << markdown;
    EXPECT_EQ(to_json(summary)["reports"][0]["culprit"], "bes2600");
}

TEST(ValidationSummary, AReportInTheSeriesOrAnUnbalancedTraceFails) {
    auto in_series = summarise_run("run", balanced_trace(), {report(true, "")});
    EXPECT_FALSE(in_series.passed());
    EXPECT_NE(render_markdown(in_series).find("in the series' code (vb2_buffer_done)"), std::string::npos);

    TraceBalance leaking = balanced_trace();
    leaking.fences_unsignalled = 2;
    auto unbalanced = summarise_run("run", leaking, {});
    ASSERT_EQ(unbalanced.problems.size(), 1u);
    EXPECT_NE(unbalanced.problems[0].find("2 fences initialised but never signalled"), std::string::npos);
    EXPECT_FALSE(to_json(unbalanced)["passed"]);
}

}  // namespace
