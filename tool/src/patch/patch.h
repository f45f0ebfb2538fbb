#pragma once

#include <functional>
#include <string>
#include <vector>

#include "mail/address.h"
#include "mail/mail_header.h"

namespace seriesctl::patch {

struct Hunk {
    int old_start = 0, old_lines = 0, new_start = 0, new_lines = 0;
    std::string header;              ///< "@@ -1,4 +1,5 @@ func()"
    std::vector<std::string> lines;  ///< each with its ' ', '-' or '+' marker
    /// "\ No newline at end of file" after the new side's last line.
    bool new_no_newline = false;
};

struct FileDiff {
    std::string old_path;  ///< "" for a new file
    std::string new_path;  ///< "" for a deleted file
    std::string old_blob;  ///< abbreviated blob id of the "index" line's old side; "" when absent
    unsigned new_mode = 0;  ///< the new side's file mode (0100644, 0100755, 0120000); 0 when deleted
    bool binary = false;    ///< a binary change: no text hunks to apply
    std::vector<Hunk> hunks;

    const std::string& path() const { return new_path.empty() ? old_path : new_path; }
};

struct Trailer {
    std::string key;    ///< "Signed-off-by"
    std::string value;  ///< "Name <address>"
};

/// One `git format-patch` file, taken apart.
struct PatchFile {
    std::string name;    ///< where it came from, for messages
    std::string commit;  ///< from the "From <sha> Mon Sep 17 …" line
    std::vector<mail::MailHeader> headers;
    mail::Address author;
    std::string date;
    std::string subject;  ///< decoded, with its "[PATCH …]" prefix
    std::string summary;  ///< the subject without the prefix
    std::string prefix;   ///< inside the brackets, "PATCH v2 1/3"
    int number = 0;       ///< 1 in "1/3"; 0 when the subject carries none
    int total = 0;
    std::string message;  ///< commit message body, trailers included
    std::vector<Trailer> trailers;
    std::string notes;     ///< between "---" and the diffstat (changelog)
    std::string diffstat;
    std::string diff;       ///< from the first "diff --git" to the signature
    std::string signature;  ///< the git version after "-- "
    std::vector<FileDiff> files;

    /// `git patch-id --stable` of the diff.
    std::string patch_id() const;
    /// sha256 over author, summary, message, notes and diff: what changes
    /// when the patch's text changes, and not when only its number does.
    std::string content_hash() const;
};

/// A patch mail's subject taken apart: "[PATCH RFC v2 1/3] media: foo" has
/// prefix "PATCH RFC v2 1/3", number 1, total 3, summary "media: foo". A
/// subject without brackets is all summary.
struct PatchSubject {
    std::string prefix;
    std::string summary;
    int number = 0;  ///< 0 when the prefix carries no "k/n"
    int total = 0;
};
PatchSubject parse_patch_subject(const std::string& subject);

/// The patches' `git patch-id --stable` ids, one line each: a set of
/// patches by its changes, not by the text around them.
std::string patch_ids(const std::vector<PatchFile>& patches);

/// Splits a unified diff into files and hunks, or throws Error naming
/// `name`: libgit2's parser (git::parse_diff) does it, so core stays pure.
using DiffReader = std::function<std::vector<FileDiff>(const std::string& diff, const std::string& name)>;

/// Parses one format-patch file; a malformed one is an Error naming `name`
/// and what is wrong. A path that leaves the tree, as written or as
/// `read_diff` reads it, is refused. git::read_patch() gives libgit2's reader.
PatchFile parse_patch(const std::string& text, const std::string& name, const DiffReader& read_diff);

/// The trailers of a commit message: "Key: value" lines of its last paragraph.
std::vector<Trailer> parse_trailers(const std::string& message);

}  // namespace seriesctl::patch
