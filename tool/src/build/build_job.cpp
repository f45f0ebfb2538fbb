#include "build/build_job.h"

#include <algorithm>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <unistd.h>

#include "apply/series_apply.h"
#include "build/kernel_config.h"
#include "build/source_tree.h"
#include "config/tree_config.h"
#include "git/tree_reader.h"
#include "proc/subprocess.h"
#include "repo/gate_record.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "series/evidence.h"
#include "tree/base_standing.h"
#include "tree/tree_access.h"
#include "tree/work_tree.h"
#include "util/atomic_file.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/file_lock.h"
#include "util/hash.h"
#include "util/text.h"
#include "util/xdg.h"

namespace fs = std::filesystem;

namespace seriesctl::build {

namespace {

nlohmann::json to_json(const std::vector<Diagnostic>& diagnostics) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : diagnostics) out.push_back({d.file, d.line, d.kind, d.message});
    return out;
}

std::vector<Diagnostic> from_json(const nlohmann::json& in) {
    std::vector<Diagnostic> diagnostics;
    for (const auto& d : in) diagnostics.push_back({d[0], d[1], d[2], d[3]});
    return diagnostics;
}

// A compile: every diagnostic of it, from a reused result or from make.
struct Compile {
    bool ok = false;
    bool reused = false;
    std::vector<Diagnostic> diagnostics;
    std::string log;
};

// The kept result of an identical earlier compile, if there is one.
std::optional<Compile> reused_result(const fs::path& result_file) {
    if (!fs::exists(result_file)) return std::nullopt;
    auto saved = nlohmann::json::parse(util::read_file(result_file), nullptr, false);
    if (saved.is_discarded()) return std::nullopt;
    return Compile{saved["ok"], true, from_json(saved["diagnostics"]), saved["log"]};
}

Compile compile(const KernelMake& make, const std::vector<std::string>& targets, bool sparse, const fs::path& result_file) {
    // Objects are removed first, so every run sees every warning again
    // (ccache makes the recompile cheap).
    for (const auto& target : targets) fs::remove(make.output / target);
    std::vector<std::string> args = {"W=1"};
    if (sparse) args.push_back("C=1");
    args.insert(args.end(), targets.begin(), targets.end());
    proc::ProcessResult result = run_command(make.command(args));
    // The kernel's Makefile names sources by their real path (realpath of
    // srctree): a cache reached through a symlink must be matched resolved.
    std::string source = fs::weakly_canonical(make.source).string() + "/";
    Compile done{result.ok(), false, parse_compiler_output(result.out + result.err, source), result.out + result.err};
    fs::create_directories(result_file.parent_path());
    util::write_file_atomically(result_file, nlohmann::json{{"ok", done.ok}, {"diagnostics", to_json(done.diagnostics)},
                                                      {"log", done.log}}
                                           .dump());
    return done;
}

fs::path not_in_tree_file(const fs::path& build_root) { return build_root / "results" / "not-in-tree.json"; }

std::map<std::string, std::vector<std::string>> load_not_in_tree(const fs::path& build_root) {
    if (!fs::exists(not_in_tree_file(build_root))) return {};
    auto saved = nlohmann::json::parse(util::read_file(not_in_tree_file(build_root)), nullptr, false);
    if (saved.is_discarded()) return {};
    return saved.get<std::map<std::string, std::vector<std::string>>>();
}

void save_not_in_tree(const fs::path& build_root, const std::map<std::string, std::vector<std::string>>& symbols) {
    fs::create_directories(not_in_tree_file(build_root).parent_path());
    util::write_file_atomically(not_in_tree_file(build_root), nlohmann::json(symbols).dump());
}

std::vector<Diagnostic> of_kind(const std::vector<Diagnostic>& diagnostics, const std::string& kind) {
    std::vector<Diagnostic> out;
    for (const auto& d : diagnostics)
        if (d.kind == kind) out.push_back(d);
    return out;
}

// One compile of a step: an arch with a fragment, and what came of it.
struct Cell {
    std::string arch, fragment;
    fs::path fragment_file;
    std::string stamp;  ///< the configuration's inputs
    KernelMake make;
    std::string flags;  ///< C=1 and the targets
    fs::path result_file;
    std::optional<Compile> result;
    bool configured = false;
    std::vector<std::string> not_in_tree;
};

// Configures the cell's build directory and compiles, unless a compile with
// the same .config (another fragment of the same step) is kept.
void compile_cell(Cell& cell, const git_oid& step_tree, const std::vector<std::string>& targets,
                  const BuildRequest& request, const fs::path& build_root) {
    auto config = configure_kernel(cell.make, cell.fragment_file, cell.stamp, build_root / "configs");
    cell.configured = true;
    cell.not_in_tree = config.not_in_tree;
    // Two fragments can make the same .config (the base, before the series
    // adds its symbol): compiled once.
    const BuildArch& arch = cell.make.arch;
    fs::path same_config = build_root / "results" /
                           (util::sha256_hex(git::to_string(step_tree) + arch.arch + arch.cross_compile +
                                             std::to_string(cell.make.ccache) +
                                             util::read_file(cell.make.output / ".config") + cell.flags) +
                            ".json");
    if (request.reuse) cell.result = reused_result(same_config);
    if (!cell.result) cell.result = compile(cell.make, targets, request.sparse, same_config);
    fs::copy_file(same_config, cell.result_file, fs::copy_options::overwrite_existing);
}

}  // namespace

bool BuildReport::passed(const std::string& arch) const {
    bool any = false;
    for (const auto& cell : cells) {
        if (cell.arch != arch) continue;
        any = true;
        if (!cell.ok || !cell.new_warnings.empty()) return false;
    }
    return any;
}

BuildReport run_build(const repo::Project& project, const config::TreeConfig& trees,
                      const std::map<std::string, BuildArch>& arches, const BuildRequest& request,
                      const std::function<void(const std::string&)>& progress) {
    repo::VersionAtHand at_hand = repo::load_version_at_hand(project, request.series, request.version);
    const series::Series& series = at_hand.series;
    const series::Version& version = at_hand.version();
    const auto& patches = at_hand.patches;
    fs::path configs = project.root() / "kernel" / series.name / "configs";
    SeriesBuild plan = parse_series_build(util::read_file(configs / "build.yaml"), (configs / "build.yaml").string());

    BuildReport report;
    report.series = series.name;
    report.version = version.name();
    report.tree = series.tree_of(version);
    report.arches = !request.arches.empty() ? request.arches : !plan.arches.empty() ? plan.arches : std::vector<std::string>{};
    if (report.arches.empty())
        for (const auto& [name, arch] : arches) report.arches.push_back(name);
    for (const auto& name : report.arches)
        if (!arches.count(name)) throw util::Error("no architecture '" + name + "' in config/build.yaml");
    report.fragments = plan.fragments;
    for (const auto& fragment : plan.fragments)
        if (!fs::exists(configs / (fragment + ".config")))
            throw util::Error((configs / "build.yaml").string() + ": fragment " + fragment + ".config does not exist");

    tree::TreeStore store(util::cache_dir());
    tree::TreeCheckout tree = tree::checkout_tree(config::find_tree(trees, report.tree), store, progress);
    // The version is built on the tree as it is now: a tree that moved past
    // the recorded base is said so, and the evidence names the tip.
    report.base = tree.commit;
    report.base_note = tree::base_standing(trees, store, report.tree, version, tree.commit).note();

    fs::path build_root = util::cache_dir() / "build" / report.tree;
    fs::create_directories(build_root);
    util::FileLock lock(build_root / ".lock");
    // The patched trees are written into a repository of the build cache
    // (the store's objects through its alternates), never into the store.
    auto repo = tree::open_linked_repository(build_root / "git", store);
    auto steps = apply::applied_trees(repo.get(), report.base, patches);
    git::TreeReader final_tree(repo.get(), steps.back());
    report.targets = build_targets(
        patches, plan.targets, [&](const std::string& dir) { return final_tree.list(dir, ".c"); },
        [&](const std::string& path) { return final_tree.read(path); });
    report.steps.push_back("base");
    for (const auto& patch : patches) report.steps.push_back(patch.summary);
    report.log_dir = util::cache_dir() / "logs" / series.name / version.name() / "build";
    fs::create_directories(report.log_dir);

    std::string kconfig_paths;  // the Kconfig files the series touches
    for (const auto& patch : patches)
        for (const auto& file : patch.files)
            if (fs::path(file.path()).filename().string().rfind("Kconfig", 0) == 0) kconfig_paths += file.path() + "\n";

    // The source the compiles read: hard links to the tree's work tree,
    // moved from step to step by writing only the files a patch changes.
    LinkedSourceTree source(build_root / "source", repo.get());
    bool ccache = proc::program_exists("ccache");
    // Symbols a configuration's fragment names that no Kconfig defines yet;
    // kept beside the results so a reused result reports them too.
    std::map<std::string, std::vector<std::string>> not_in_tree_by_stamp = load_not_in_tree(build_root);
    std::map<std::string, std::vector<Diagnostic>> base_warnings;  // per arch/fragment
    for (size_t step = 0; step < steps.size(); ++step) {
        git::TreeReader reader(repo.get(), steps[step]);
        std::vector<std::string> targets;  // only those whose source exists yet
        for (const auto& target : report.targets)
            if (!reader.read(fs::path(target).replace_extension(".c").string()).empty()) targets.push_back(target);
        // A configuration depends on the whole base tree and on the Kconfig
        // files the series changes up to this step.
        std::string kconfig_state = git::to_string(steps.front());
        for (size_t pos = 0; pos < kconfig_paths.size();) {
            size_t end = kconfig_paths.find('\n', pos);
            kconfig_state += util::sha256_hex(reader.read(kconfig_paths.substr(pos, end - pos)));
            pos = end + 1;
        }
        // Every cell of the step, then those without a kept result compiled:
        // the arches at the same time (each its own build directory), the
        // fragments of one arch one after the other in its directory.
        std::vector<Cell> cells;
        for (const auto& arch_name : report.arches)
            for (const auto& fragment : plan.fragments) {
                Cell cell{arch_name, fragment, configs / (fragment + ".config")};
                const BuildArch& arch = arches.at(arch_name);
                cell.stamp = util::sha256_hex(arch.arch + arch.cross_compile + arch.defconfig + std::to_string(ccache) +
                                        util::read_file(cell.fragment_file) + kconfig_state);
                // One build directory per arch: its configurations share the
                // prepared tree, and the kernel's include/config/ tracking
                // rebuilds only what a changed symbol touches.
                cell.make = KernelMake{source.dir(), build_root / arch_name, arch, ccache, request.jobs};
                cell.flags = (request.sparse ? "C=1 " : "") + util::joined(targets, " ");
                cell.result_file = build_root / "results" /
                                   (util::sha256_hex(git::to_string(steps[step]) + cell.stamp + cell.flags) + ".json");
                if (request.reuse) cell.result = reused_result(cell.result_file);
                cells.push_back(std::move(cell));
            }
        bool compiles = std::any_of(cells.begin(), cells.end(), [](const Cell& cell) { return !cell.result; });
        if (compiles) source.hold(tree.dir, tree.commit, steps[step]);
        std::string step_name = step == 0 ? std::string("base")
                                          : "patch " + std::to_string(step) + "/" + std::to_string(patches.size());
        std::mutex progress_lock;
        std::vector<std::future<void>> arches;
        for (const auto& arch_name : report.arches)
            arches.push_back(std::async(std::launch::async, [&, arch_name] {
                for (auto& cell : cells) {
                    if (cell.arch != arch_name || cell.result) continue;
                    {
                        std::lock_guard<std::mutex> hold(progress_lock);
                        progress(step_name + " · " + cell.arch + "/" + cell.fragment + " · " +
                                 std::to_string(targets.size()) + " objects");
                    }
                    compile_cell(cell, steps[step], targets, request, build_root);
                }
            }));
        for (auto& arch : arches) arch.get();

        for (auto& planned : cells) {
            const std::string& arch_name = planned.arch;
            const std::string& fragment = planned.fragment;
            const std::string& stamp = planned.stamp;
            std::string cell_name = arch_name + "/" + fragment;
            std::optional<Compile>& result = planned.result;
            if (planned.configured && !planned.not_in_tree.empty()) not_in_tree_by_stamp[stamp] = planned.not_in_tree;
            if (not_in_tree_by_stamp.count(stamp))
                report.not_in_tree[cell_name + "@" + report.steps[step]] = not_in_tree_by_stamp[stamp];
            BuildCell cell;
            cell.step = static_cast<int>(step);
            cell.arch = arch_name;
            cell.fragment = fragment;
            cell.ok = result->ok;
            cell.reused = result->reused;
            cell.errors = of_kind(result->diagnostics, "error");
            auto warnings = of_kind(result->diagnostics, "warning");
            cell.warnings = warnings.size();
            if (step == 0)
                base_warnings[cell_name] = warnings;
            else
                cell.new_warnings = new_diagnostics(base_warnings[cell_name], warnings);
            fs::path log = report.log_dir / (arch_name + "-" + fragment + "-step" + std::to_string(step) + ".log");
            util::write_file_atomically(log, result->log);
            cell.log = log.string();
            report.cells.push_back(cell);
        }
    }

    save_not_in_tree(build_root, not_in_tree_by_stamp);
    series::CurrentContent content = repo::current_content(project, series, patches, report.base);
    std::string date = util::now_iso8601();
    std::map<std::string, series::Evidence> gates;
    for (const auto& arch : report.arches) {
        series::Evidence evidence =
            series::make_evidence(series::Binding::code, report.passed(arch), content, report.tree, date);
        std::string compiler = arches.at(arch).cross_compile + "gcc";
        proc::ProcessResult version_text = run_command(proc::Command{{compiler, "-dumpfullversion"}});
        evidence.tools[compiler] = version_text.ok() ? version_text.out.substr(0, version_text.out.find('\n')) : "?";
        size_t new_warnings = 0, failed = 0;
        for (const auto& cell : report.cells)
            if (cell.arch == arch) new_warnings += cell.new_warnings.size(), failed += cell.ok ? 0 : 1;
        evidence.figures = {{"steps", std::to_string(steps.size())},
                            {"objects", std::to_string(report.targets.size())},
                            {"configs", util::joined(plan.fragments, " ")},
                            {"failed-compiles", std::to_string(failed)},
                            {"new-warnings", std::to_string(new_warnings)},
                            {"flags", request.sparse ? "W=1 C=1" : "W=1"}};
        evidence.artifacts = report.log_dir.string();
        gates["build-" + arch] = evidence;
    }
    repo::record_gates(project, series.name, version.name(), gates);
    return report;
}

}  // namespace seriesctl::build
