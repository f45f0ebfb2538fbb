#include <gtest/gtest.h>

#include "series/gate.h"

using namespace seriesctl;
using namespace seriesctl::series;

namespace {

Evidence evidence(Binding binding, Verdict verdict = Verdict::passed) {
    Evidence e;
    e.binding = binding;
    e.verdict = verdict;
    e.date = "2026-05-01";
    e.commit = std::string(40, 'a');
    e.config = "cfg";
    e.taken_on = {{"id1", "text1"}, {"id2", "text2"}};
    return e;
}

CurrentContent now() { return {{{"id1", "text1"}, {"id2", "text2"}}, std::string(40, 'a'), "cfg"}; }

}  // namespace

TEST(Gate, ContentBindingGoesStaleWhenTheTextChanges) {
    CurrentContent changed = now();
    changed.patches[1].content = "text2-reworded";
    std::string why;
    EXPECT_TRUE(evidence_is_current(evidence(Binding::content), now(), &why));
    EXPECT_FALSE(evidence_is_current(evidence(Binding::content), changed, &why));
    EXPECT_EQ(why, "patch 2 changed since 2026-05-01");
    EXPECT_TRUE(evidence_is_current(evidence(Binding::code), changed, &why))
        << "a reworded message does not change what a build proved";
}

TEST(Gate, CodeBindingFollowsPatchIdsBaseAndConfig) {
    std::string why;
    CurrentContent code = now();
    code.patches[0].patch_id = "id1-new";
    EXPECT_FALSE(evidence_is_current(evidence(Binding::code), code, &why));
    EXPECT_EQ(why, "patch 1 changed since 2026-05-01");
    CurrentContent rebased = now();
    rebased.base = std::string(40, 'b');
    EXPECT_FALSE(evidence_is_current(evidence(Binding::code), rebased, &why));
    EXPECT_EQ(why, "taken on aaaaaaaaaaaa, now on bbbbbbbbbbbb");
    CurrentContent not_cached = now();
    not_cached.base = "";
    EXPECT_FALSE(evidence_is_current(evidence(Binding::code), not_cached, &why));
    EXPECT_EQ(why, "taken on aaaaaaaaaaaa; the tree is not in the cache to compare with");
    CurrentContent config = now();
    config.config = "cfg2";
    EXPECT_FALSE(evidence_is_current(evidence(Binding::code), config, &why));
    CurrentContent fewer = now();
    fewer.patches.pop_back();
    EXPECT_FALSE(evidence_is_current(evidence(Binding::content), fewer, &why));
    EXPECT_EQ(why, "taken on 2 patches, the version has 1");
}

TEST(Gate, StatusesListRequiredGatesFirstThenRecordedOnes) {
    Series series;
    series.required_gates = {"checkpatch", "build-x86_64", "lockdep-qemu"};
    Version version;
    version.gates["checkpatch"] = evidence(Binding::content);
    version.gates["build-x86_64"] = evidence(Binding::code, Verdict::failed);
    version.gates["extra"] = evidence(Binding::content);
    CurrentContent reworded = now();
    reworded.patches[0].content = "other";
    auto statuses = gate_statuses(series, version, reworded);
    ASSERT_EQ(statuses.size(), 4u);
    EXPECT_EQ(statuses[0].name, "checkpatch");
    EXPECT_EQ(statuses[0].state, GateState::stale);
    EXPECT_EQ(statuses[1].state, GateState::failed);
    EXPECT_EQ(statuses[2].name, "lockdep-qemu");
    EXPECT_EQ(statuses[2].state, GateState::open);
    EXPECT_EQ(statuses[3].name, "extra");
    EXPECT_EQ(statuses[3].state, GateState::stale);
}
