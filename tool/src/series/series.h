#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace seriesctl::series {

/// The series record kept in series/<name>.yaml. Its shape is documented in
/// series/SCHEMA.md; this file and that page change together.

inline constexpr int schema_version = 1;

enum class VersionState { draft, ready, sending, sent, superseded };
enum class Verdict { passed, failed };
/// What a gate's evidence is bound to: the whole text of each patch
/// (checkpatch, lints), or the code (patch-ids + base + config fragments).
enum class Binding { content, code };
enum class Threading { previous_cover, first_cover };
enum class MessageState { attempted, accepted };

/// A reply received on a version, or a review imported from prose (then
/// without a message-id: one is never invented).
struct Review {
    std::string id;          ///< unique in the series, e.g. "v1-1"
    std::string message_id;  ///< without angle brackets; may be empty
    std::string author;      ///< "Name <address>"
    std::string date;        ///< ISO 8601
    int patch = 0;           ///< 0 = the cover letter
    std::vector<std::string> trailers;  ///< "Reviewed-by: Name <address>"
    std::string excerpt;
    std::string addressed_in;  ///< version that answers it; empty = open
    std::string note;
};

/// One line of "Changes in vN".
struct ChangelogEntry {
    int patch = 0;        ///< 0 = the series as a whole
    std::string text;
    std::string answers;  ///< review id, or empty
};

/// What one patch was when evidence was taken on it.
struct PatchFingerprint {
    std::string patch_id;  ///< git patch-id --stable
    std::string content;   ///< sha256 of the patch text
};

/// A gate's result, bound to the content it was taken on.
struct Evidence {
    Verdict verdict = Verdict::failed;
    Binding binding = Binding::content;
    std::string date;
    std::string tree;
    std::string commit;  ///< base commit the patches sat on
    std::string config;  ///< hash of the config fragments (code binding)
    std::string kernel;  ///< `uname -r` of the kernel that ran, for runtime gates
    std::map<std::string, std::string> tools;    ///< tool → version
    std::map<std::string, std::string> figures;  ///< what a cover letter may quote
    std::string artifacts;  ///< logs, traces: a path under the cache
    std::vector<PatchFingerprint> taken_on;
    std::string forced;  ///< reason given with --force; empty when earned
};

struct SentMessage {
    int number = 0;  ///< 0 = cover
    std::string message_id;
    MessageState state = MessageState::attempted;
};

struct SentRecord {
    std::string date;
    std::string cover;  ///< cover letter message-id
    std::string link;   ///< archive URL of the cover
    std::vector<SentMessage> messages;
    /// The reason given with `send --force`, and what it overrode (open,
    /// failed or stale gates, open reviews); empty for a send that needed none.
    std::string forced;
    std::vector<std::string> overridden;
};

/// What a version applies to, named so that it means the same on every
/// machine: the upstream release a tarball tree is (its import commit is
/// local), or a commit every clone of a remote tree shares.
struct Base {
    std::string tree;
    std::string upstream;  ///< "v6.12.117": a tarball tree's release
    std::string commit;    ///< a remote tree's commit id

    bool empty() const { return tree.empty() && upstream.empty() && commit.empty(); }
};

struct Cover {
    std::string subject;  ///< without the "[PATCH …]" prefix
    std::string body;     ///< motivation and what the series does
    std::vector<std::string> questions;  ///< for reviewers
};

struct Version {
    int number = 1;
    VersionState state = VersionState::draft;
    std::string patches;  ///< directory of format-patch files, repo-relative
    Base base;
    std::vector<std::string> cc;  ///< extra Cc for this version only
    Cover cover;
    std::vector<ChangelogEntry> changelog;
    std::vector<Review> reviews;
    std::map<std::string, Evidence> gates;
    std::optional<SentRecord> sent;

    std::string name() const { return "v" + std::to_string(number); }
    /// Mailed or being mailed: its patch files are what the list received.
    bool frozen() const { return state != VersionState::draft && state != VersionState::ready; }
};

struct Series {
    int schema = schema_version;
    std::string name;
    std::string title;
    std::string prefix;     ///< "PATCH RFC"
    std::string change_id;  ///< b4's YYYYMMDD-slug-<12 hex>
    std::string from;       ///< the submitter, "Name <address>"
    std::string tree;       ///< default tree
    std::vector<std::string> targets;  ///< trees the series aims at
    std::vector<std::string> cc;       ///< extra Cc for every version
    std::vector<std::string> required_gates;
    Threading threading = Threading::previous_cover;
    std::vector<Version> versions;

    /// The version named "vN"; throws Error listing the known ones.
    const Version& version(const std::string& name) const;
    Version& version(const std::string& name);
    const Version& latest() const;
    /// The tree a version is based on: its base's, else the series' default.
    const std::string& tree_of(const Version& version) const {
        return version.base.tree.empty() ? tree : version.base.tree;
    }
    /// The review with this id in any version, or nullptr.
    const Review* find_review(const std::string& id) const;
};

std::string to_string(VersionState state);
std::string to_string(Verdict verdict);
std::string to_string(Binding binding);
std::string to_string(Threading threading);
std::string to_string(MessageState state);

}  // namespace seriesctl::series
