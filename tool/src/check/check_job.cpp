#include "check/check_job.h"

#include "check/checkpatch_runner.h"
#include "check/series_lint.h"
#include "check/subject_prefixes.h"
#include "config/tree_config.h"
#include "repo/gate_record.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "series/evidence.h"
#include "tree/base_standing.h"
#include "tree/tree_access.h"
#include "util/atomic_file.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/xdg.h"

namespace fs = std::filesystem;

namespace seriesctl {

namespace {

bool has_history(const TreeStore& store, const std::string& commit) {
    auto repo = store.open();
    git_oid oid = git::parse_oid(commit, "tree tip");
    git_commit* raw = nullptr;
    git::check(git_commit_lookup(&raw, repo.get(), &oid), "reading the tree's tip");
    git::CommitPtr tip(raw);
    return git_commit_parentcount(tip.get()) > 0;
}

}  // namespace

FindingCounts count_findings(const std::vector<Finding>& findings, const std::string& source) {
    FindingCounts counts;
    for (const auto& finding : findings) {
        if (finding.source != source) continue;
        if (finding.level == "ERROR") ++counts.errors;
        else if (finding.level == "WARNING") ++counts.warnings;
        else ++counts.checks;
    }
    return counts;
}

CheckReport run_check(const Project& project, const TreeConfig& trees,
                      const std::map<std::string, std::string>& subject_prefixes, const CheckRequest& request,
                      const std::function<void(const std::string&)>& progress) {
    VersionAtHand at_hand = load_version_at_hand(project, request.series, request.version);
    const Series& series = at_hand.series;
    const Version& version = at_hand.version();
    const auto& patches = at_hand.patches;

    CheckReport report;
    report.series = series.name;
    report.version = version.name();
    report.patches = patches.size();
    report.tree = !request.tree.empty() ? request.tree : series.tree_of(version);

    TreeStore store(cache_dir());
    TreeCheckout tree = checkout_tree(find_tree(trees, report.tree), store, progress);
    report.commit = tree.commit;

    std::vector<fs::path> files;
    for (const auto& patch : patches) files.push_back(project.root() / patch.name);
    progress("checkpatch --strict on " + std::to_string(files.size()) + " patches (" + report.tree + ")");
    CheckpatchRun checkpatch = run_checkpatch(tree.dir, files);
    report.checkpatch_version = checkpatch.version;
    report.findings = checkpatch.findings;

    SubjectPrefixes prefixes(store.store_dir(), tree.commit, has_history(store, tree.commit),
                             subject_prefixes);
    LintContext lint_context;
    lint_context.series = &series;
    lint_context.version = &version;
    lint_context.prefixes_for = [&](const std::string& path) { return prefixes(path); };
    BaseStanding base = base_standing(trees, store, report.tree, version, tree.commit);
    report.base_note = base.note();
    if (base.state == BaseStanding::State::lost) lint_context.base_problem = base.problem;
    auto lints = lint_series(patches, lint_context);
    report.findings.insert(report.findings.end(), lints.begin(), lints.end());

    report.log = cache_dir() / "logs" / series.name / version.name() / "checkpatch.log";
    fs::create_directories(report.log.parent_path());
    write_file_atomically(report.log, checkpatch.log);

    std::string date = now_iso8601();
    CurrentContent content = current_content(project, series, patches, tree.commit);
    FindingCounts found = count_findings(report.findings, "checkpatch");
    Evidence checkpatch_gate = make_evidence(Binding::content, found.errors + found.warnings + found.checks == 0,
                                             content, report.tree, date);
    checkpatch_gate.tools["checkpatch"] = checkpatch.version + " (" + report.tree + ")";
    checkpatch_gate.figures = {{"errors", std::to_string(found.errors)},
                               {"warnings", std::to_string(found.warnings)},
                               {"checks", std::to_string(found.checks)}};
    checkpatch_gate.artifacts = report.log.string();
    Evidence lint_gate = make_evidence(Binding::content, lints.empty(), content, report.tree, date);
    lint_gate.tools["seriesctl"] = SERIESCTL_VERSION;
    lint_gate.figures = {{"findings", std::to_string(lints.size())}};
    record_gates(project, series.name, version.name(), {{"checkpatch", checkpatch_gate}, {"lint", lint_gate}});
    return report;
}

}  // namespace seriesctl
