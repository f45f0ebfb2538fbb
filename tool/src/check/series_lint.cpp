#include "check/series_lint.h"

#include <algorithm>
#include <regex>
#include <set>

#include "mail/address.h"

namespace seriesctl::check {

namespace {

Finding lint(int patch, const char* type, const std::string& message, const char* level = "ERROR") {
    Finding finding;
    finding.patch = patch;
    finding.source = "lint";
    finding.level = level;
    finding.type = type;
    finding.message = message;
    return finding;
}

std::string email_of(const std::string& text) {
    std::string why;
    return mail::parse_address(text, &why).key();
}

void check_sign_off(const patch::PatchFile& patch, int n, const std::string& submitter, std::vector<Finding>& out) {
    std::vector<std::string> sign_offs;
    for (const auto& trailer : patch.trailers)
        if (trailer.key == "Signed-off-by") sign_offs.push_back(email_of(trailer.value));
    if (std::find(sign_offs.begin(), sign_offs.end(), patch.author.key()) == sign_offs.end())
        out.push_back(lint(n, "author-sign-off", "no Signed-off-by from the author " + patch.author.formatted()));
    if (!submitter.empty() && (sign_offs.empty() || sign_offs.back() != submitter))
        out.push_back(lint(n, "author-sign-off", "the submitter's Signed-off-by (" + submitter + ") must come last"));
}

void check_prefix(const patch::PatchFile& patch, int n, const LintContext& context, std::vector<Finding>& out) {
    if (!context.prefixes_for) return;
    std::vector<std::string> known;
    for (const auto& file : patch.files)
        for (const auto& prefix : context.prefixes_for(file.path()))
            if (std::find(known.begin(), known.end(), prefix) == known.end()) known.push_back(prefix);
    if (known.empty()) return;
    for (const auto& prefix : known)
        if (patch.summary.rfind(prefix + " ", 0) == 0) return;
    std::string list;
    for (const auto& prefix : known) list += (list.empty() ? "'" : ", '") + prefix + "'";
    out.push_back(lint(n, "subject-prefix", "subject '" + patch.summary + "' does not start with " + list +
                                                ", the prefix the subsystem uses for these files"));
}

void check_cover_leak(const patch::PatchFile& patch, int n, const series::Version& version, std::vector<Finding>& out) {
    for (const char* placeholder : {"*** SUBJECT HERE ***", "*** BLURB HERE ***"})
        if (patch.message.find(placeholder) != std::string::npos || patch.notes.find(placeholder) != std::string::npos)
            out.push_back(lint(n, "cover-leak", std::string("format-patch cover placeholder '") + placeholder + "'"));
    // A whole cover paragraph repeated in a patch: text meant for the cover.
    size_t start = 0;
    const std::string& body = version.cover.body;
    while (start < body.size()) {
        size_t end = body.find("\n\n", start);
        std::string paragraph = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? body.size() : end + 2;
        if (paragraph.size() >= 80 && patch.message.find(paragraph) != std::string::npos)
            out.push_back(lint(n, "cover-leak", "a paragraph of the cover letter is in the commit message: '" +
                                                    paragraph.substr(0, 60) + "…'"));
    }
}

void check_changelog(const patch::PatchFile& patch, int n, const series::Version& version, std::vector<Finding>& out) {
    if (version.number < 2 || !patch.notes.empty()) return;
    out.push_back(lint(n, "changelog", "no changelog below '---' (" + version.name() +
                                           " patches say what changed since v" + std::to_string(version.number - 1) +
                                           ")", "WARNING"));
}

void check_private(const patch::PatchFile& patch, int n, std::vector<Finding>& out) {
    static const std::set<std::string> private_keys = {"Change-Id", "Reviewed-on", "Cr-Commit-Position",
                                                       "Commit-Queue", "Auto-Submit", "Bug", "Test"};
    for (const auto& trailer : patch.trailers)
        if (private_keys.count(trailer.key))
            out.push_back(lint(n, "private-trailer", "'" + trailer.key + ": " + trailer.value +
                                                         "' is a private review-tool line, not for the list"));
    static const std::regex note(R"((^|\n)(TODO|FIXME|XXX|DO NOT (MERGE|SEND))\b)");
    if (std::regex_search(patch.message, note))
        out.push_back(lint(n, "private-trailer", "the commit message holds a private note (TODO/FIXME/XXX/DO NOT …)"));
}

void check_numbering(const std::vector<patch::PatchFile>& patches, std::vector<Finding>& out) {
    int count = static_cast<int>(patches.size());
    for (int i = 0; i < count; ++i) {
        const patch::PatchFile& patch = patches[i];
        if (count == 1 && patch.number == 0) continue;
        if (patch.number != i + 1 || patch.total != count)
            out.push_back(lint(i + 1, "numbering", "subject says " + std::to_string(patch.number) + "/" +
                                                       std::to_string(patch.total) + ", expected " +
                                                       std::to_string(i + 1) + "/" + std::to_string(count) +
                                                       " (" + patch.name + ")"));
    }
}

}  // namespace

std::vector<Finding> lint_series(const std::vector<patch::PatchFile>& patches, const LintContext& context) {
    std::vector<Finding> out;
    std::string submitter = context.series ? email_of(context.series->from) : "";
    for (size_t i = 0; i < patches.size(); ++i) {
        int n = static_cast<int>(i) + 1;
        check_sign_off(patches[i], n, submitter, out);
        check_prefix(patches[i], n, context, out);
        if (context.version) {
            check_cover_leak(patches[i], n, *context.version, out);
            check_changelog(patches[i], n, *context.version, out);
        }
        check_private(patches[i], n, out);
    }
    check_numbering(patches, out);
    if (!context.base_problem.empty()) out.push_back(lint(0, "base-commit", context.base_problem));
    return out;
}

std::vector<std::string> prefixes_from_map(const std::map<std::string, std::string>& map, const std::string& path) {
    std::string best_path;
    for (const auto& [prefix_path, subject] : map)
        if (path.rfind(prefix_path, 0) == 0 && prefix_path.size() > best_path.size()) best_path = prefix_path;
    if (best_path.empty()) return {};
    return {map.at(best_path)};
}

std::vector<std::string> prefixes_from_subjects(const std::vector<std::string>& subjects) {
    // The prefix is the run of leading "word:" tokens: "media: videobuf2:" in
    // "media: videobuf2: fix x: y".
    static const std::regex prefix_shape(R"(^((?:[A-Za-z0-9_.,/+-]+: )+))");
    std::map<std::string, int> counts;
    std::vector<std::string> order;
    for (const auto& subject : subjects) {
        std::smatch match;
        if (!std::regex_search(subject, match, prefix_shape)) continue;
        std::string prefix = match[1].str();
        prefix.pop_back();
        if (counts[prefix]++ == 0) order.push_back(prefix);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](const std::string& a, const std::string& b) { return counts[a] > counts[b]; });
    return order;
}

}  // namespace seriesctl::check
