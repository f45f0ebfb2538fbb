#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "series/series.h"
#include "series/status_report.h"

namespace seriesctl::cli {

/// The reviews `seriesctl reviews` lists: one version's, or every version's.
struct ReviewListing {
    const series::Series* series = nullptr;
    std::vector<const series::Version*> versions;
};

/// A table: id, version, who, patch, date, trailers, excerpt, and open or
/// "addressed in vN: note".
std::string render_reviews_text(const ReviewListing& listing, const series::Painter& paint);
nlohmann::json render_reviews_json(const ReviewListing& listing);

}  // namespace seriesctl::cli
