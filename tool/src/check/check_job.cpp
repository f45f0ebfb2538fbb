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

namespace seriesctl::check {

namespace {

bool has_history(const tree::TreeStore& store, const std::string& commit) {
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

CheckReport run_check(const repo::Project& project, const config::TreeConfig& trees,
                      const std::map<std::string, std::string>& subject_prefixes, const CheckRequest& request,
                      const std::function<void(const std::string&)>& progress) {
    repo::VersionAtHand at_hand = repo::load_version_at_hand(project, request.series, request.version);
    const series::Series& series = at_hand.series;
    const series::Version& version = at_hand.version();
    const auto& patches = at_hand.patches;

    CheckReport report;
    report.series = series.name;
    report.version = version.name();
    report.patches = patches.size();
    report.tree = !request.tree.empty() ? request.tree : series.tree_of(version);

    tree::TreeStore store(util::cache_dir());
    tree::TreeCheckout tree = tree::checkout_tree(config::find_tree(trees, report.tree), store, progress);
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
    tree::BaseStanding base = tree::base_standing(trees, store, report.tree, version, tree.commit);
    report.base_note = base.note();
    if (base.state == tree::BaseStanding::State::lost) lint_context.base_problem = base.problem;
    auto lints = lint_series(patches, lint_context);
    report.findings.insert(report.findings.end(), lints.begin(), lints.end());

    report.log = util::cache_dir() / "logs" / series.name / version.name() / "checkpatch.log";
    fs::create_directories(report.log.parent_path());
    util::write_file_atomically(report.log, checkpatch.log);

    std::string date = util::now_iso8601();
    series::CurrentContent content = repo::current_content(project, series, patches, tree.commit);
    FindingCounts found = count_findings(report.findings, "checkpatch");
    series::Evidence checkpatch_gate = series::make_evidence(
        series::Binding::content, found.errors + found.warnings + found.checks == 0, content, report.tree, date);
    checkpatch_gate.tools["checkpatch"] = checkpatch.version + " (" + report.tree + ")";
    checkpatch_gate.figures = {{"errors", std::to_string(found.errors)},
                               {"warnings", std::to_string(found.warnings)},
                               {"checks", std::to_string(found.checks)}};
    checkpatch_gate.artifacts = report.log.string();
    series::Evidence lint_gate =
        series::make_evidence(series::Binding::content, lints.empty(), content, report.tree, date);
    lint_gate.tools["seriesctl"] = SERIESCTL_VERSION;
    lint_gate.figures = {{"findings", std::to_string(lints.size())}};
    repo::record_gates(project, series.name, version.name(), {{"checkpatch", checkpatch_gate}, {"lint", lint_gate}});
    return report;
}

}  // namespace seriesctl::check
