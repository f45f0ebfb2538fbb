#include "git/diff_parser.h"

#include <algorithm>

#include "git/handle.h"
#include "util/error.h"

namespace seriesctl::git {

std::vector<patch::FileDiff> parse_diff(const std::string& diff, const std::string& name) {
    // libgit2 1.5 copies a line up to a NUL but reports its whole length
    // (reading past the copy); a text diff has no NUL anyway.
    if (size_t nul = diff.find('\0'); nul != std::string::npos)
        throw util::Error(name + ": the diff holds a NUL byte (its line " +
                    std::to_string(std::count(diff.begin(), diff.begin() + static_cast<long>(nul), '\n') + 1) +
                    "); a text patch has none");
    git_diff* raw = nullptr;
    if (git_diff_from_buffer(&raw, diff.data(), diff.size()) < 0) {
        const git_error* error = git_error_last();
        throw util::Error(name + ": the diff cannot be parsed: " + (error && error->message ? error->message : "?"));
    }
    DiffPtr parsed(raw);
    std::vector<patch::FileDiff> files;
    for (size_t d = 0; d < git_diff_num_deltas(parsed.get()); ++d) {
        git_patch* raw_patch = nullptr;
        check(git_patch_from_diff(&raw_patch, parsed.get(), d), name + ": reading a file of the diff");
        PatchPtr patch(raw_patch);
        const git_diff_delta* delta = git_patch_get_delta(patch.get());
        patch::FileDiff file;
        if (delta->status != GIT_DELTA_ADDED) file.old_path = delta->old_file.path;
        if (delta->status != GIT_DELTA_DELETED) file.new_path = delta->new_file.path;
        if (!git_oid_is_zero(&delta->old_file.id))
            file.old_blob = to_string(delta->old_file.id).substr(0, delta->old_file.id_abbrev);
        if (delta->status != GIT_DELTA_DELETED) file.new_mode = delta->new_file.mode;
        file.binary = delta->flags & GIT_DIFF_FLAG_BINARY;
        for (size_t h = 0; h < git_patch_num_hunks(patch.get()); ++h) {
            const git_diff_hunk* raw_hunk = nullptr;
            size_t line_count = 0;
            check(git_patch_get_hunk(&raw_hunk, &line_count, patch.get(), h), name + ": reading a hunk");
            patch::Hunk hunk;
            hunk.old_start = raw_hunk->old_start;
            hunk.old_lines = raw_hunk->old_lines;
            hunk.new_start = raw_hunk->new_start;
            hunk.new_lines = raw_hunk->new_lines;
            hunk.header.assign(raw_hunk->header, raw_hunk->header_len);
            while (!hunk.header.empty() && hunk.header.back() == '\n') hunk.header.pop_back();
            for (size_t l = 0; l < line_count; ++l) {
                const git_diff_line* line = nullptr;
                check(git_patch_get_line_in_hunk(&line, patch.get(), h, l), name + ": reading a hunk line");
                if (line->origin == GIT_DIFF_LINE_CONTEXT_EOFNL || line->origin == GIT_DIFF_LINE_ADD_EOFNL ||
                    line->origin == GIT_DIFF_LINE_DEL_EOFNL) {
                    // libgit2's parser names the marker after the line before
                    // it; unless that was removed, it ends the new side.
                    char last = hunk.lines.empty() ? ' ' : hunk.lines.back()[0];
                    if (last != '-') hunk.new_no_newline = true;
                    continue;
                }
                if (line->origin != GIT_DIFF_LINE_CONTEXT && line->origin != GIT_DIFF_LINE_ADDITION &&
                    line->origin != GIT_DIFF_LINE_DELETION)
                    continue;
                std::string text(1, line->origin);
                text.append(line->content, line->content_len);
                if (!text.empty() && text.back() == '\n') text.pop_back();
                hunk.lines.push_back(std::move(text));
            }
            file.hunks.push_back(std::move(hunk));
        }
        files.push_back(std::move(file));
    }
    return files;
}

}  // namespace seriesctl::git
