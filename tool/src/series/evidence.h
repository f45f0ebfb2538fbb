#pragma once

#include <string>

#include "series/gate.h"
#include "series/series.h"

namespace seriesctl::series {

/// Evidence taken now on `content`: the fingerprints, base and config it
/// binds to are copied from what the run actually used.
Evidence make_evidence(Binding binding, bool passed, const CurrentContent& content, const std::string& tree,
                       const std::string& date);

}  // namespace seriesctl::series
