#include "series/series.h"

#include "util/error.h"

namespace seriesctl::series {

namespace {

template <typename VersionT, typename SeriesT>
VersionT& find_version(SeriesT& series, const std::string& name) {
    std::string known;
    for (auto& version : series.versions) {
        if (version.name() == name) return version;
        known += (known.empty() ? "" : ", ") + version.name();
    }
    throw util::Error("series " + series.name + " has no version " + name +
                (known.empty() ? " (it has none)" : " (it has " + known + ")"));
}

}  // namespace

const Version& Series::version(const std::string& name) const {
    return find_version<const Version>(*this, name);
}

Version& Series::version(const std::string& name) { return find_version<Version>(*this, name); }

const Version& Series::latest() const {
    if (versions.empty()) throw util::Error("series " + name + " has no versions");
    return versions.back();
}

const Review* Series::find_review(const std::string& id) const {
    for (const auto& version : versions)
        for (const auto& review : version.reviews)
            if (review.id == id) return &review;
    return nullptr;
}

std::string to_string(VersionState state) {
    switch (state) {
    case VersionState::draft: return "draft";
    case VersionState::ready: return "ready";
    case VersionState::sending: return "sending";
    case VersionState::sent: return "sent";
    case VersionState::superseded: return "superseded";
    }
    return "?";
}

std::string to_string(Verdict verdict) { return verdict == Verdict::passed ? "passed" : "failed"; }
std::string to_string(Binding binding) { return binding == Binding::content ? "content" : "code"; }
std::string to_string(Threading threading) {
    return threading == Threading::previous_cover ? "previous-cover" : "first-cover";
}
std::string to_string(MessageState state) {
    return state == MessageState::attempted ? "attempted" : "accepted";
}

}  // namespace seriesctl::series
