#pragma once

#include <string>
#include <vector>

#include "series/series.h"

namespace seriesctl::series {

/// The pure rules of cutting the next version of a series and answering
/// the reviews of the last one.

/// The version a new draft is cut from: `from` ("vN") when given, else the
/// newest. An Error when a draft exists already (only one is worked on at a
/// time) or the series has no version.
const Version& version_to_cut_from(const Series& series, const std::string& from);

/// The subject prefix of patch `number`/`total` in version `version`:
/// "PATCH RFC v3 1/3" (no "v1" for the first version, no numbering for a
/// single patch), as git format-patch -v writes it.
std::string patch_prefix(const std::string& series_prefix, int version, int number, int total);

/// A format-patch file's text with the bracketed prefix of its Subject:
/// header replaced by `prefix`; every other byte is kept. An Error naming
/// `name` when the file has no "[…]" subject.
std::string with_subject_prefix(const std::string& text, const std::string& prefix, const std::string& name);

/// Reviews of `previous` that no version answers yet (`addressed-in` empty):
/// what a send of the version after it must not leave behind.
std::vector<const Review*> unaddressed_reviews(const Series& series, const Version& previous);

/// Changelog lines seriesctl writes for the author to finish start with
/// this: text still to be written (`send` and the lints refuse it).
inline const std::string changelog_todo = "TODO:";
bool is_todo(const ChangelogEntry& entry);

/// One TODO line per open review of `previous`, on the review's
/// patch, answering it.
std::vector<ChangelogEntry> changelog_skeleton(const Series& series, const Version& previous);

/// The new draft: state draft, the same base, the cover as the starting
/// point, the skeleton as its changelog; no gates, reviews, cc or sent.
Version next_version(const Series& series, const Version& from, const std::string& patches_dir);

/// The only draft version, or an Error saying there is none.
Version& draft_version(Series& series);

/// A review and the version it was given on.
struct ReviewAt {
    Version& version;
    Review& review;
};

/// The review whose id or message-id is `key` (angle brackets allowed).
/// An Error naming the key when no review has it.
ReviewAt find_review_by_key(Series& series, const std::string& key);

/// Marks a review of an earlier version addressed in `draft` with `note`,
/// and links it to the draft's changelog: fills its TODO line, or
/// adds a line when none answers it yet. A line already written for it is
/// left as it is. An Error for a review of the draft itself or an empty note.
void address_review(Version& draft, const ReviewAt& found, const std::string& note);

}  // namespace seriesctl::series
