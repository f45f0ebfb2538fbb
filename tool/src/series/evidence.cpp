#include "series/evidence.h"

namespace seriesctl::series {

Evidence make_evidence(Binding binding, bool passed, const CurrentContent& content, const std::string& tree,
                       const std::string& date) {
    Evidence evidence;
    evidence.binding = binding;
    evidence.verdict = passed ? Verdict::passed : Verdict::failed;
    evidence.date = date;
    evidence.tree = tree;
    evidence.commit = content.base;
    if (binding == Binding::code) evidence.config = content.config;
    evidence.taken_on = content.patches;
    return evidence;
}

}  // namespace seriesctl::series
