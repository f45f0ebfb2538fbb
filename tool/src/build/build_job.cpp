#include "build/build_job.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <unistd.h>

#include "build/kernel_make.h"
#include "core/error.h"
#include "core/evidence.h"
#include "core/tree_config.h"
#include "git/step_trees.h"
#include "proc/subprocess.h"
#include "repo/gate_record.h"
#include "repo/series_content.h"
#include "repo/series_file.h"
#include "tree/base_standing.h"
#include "tree/tree_access.h"
#include "tree/work_tree.h"
#include "util/atomic_file.h"
#include "util/clock.h"
#include "util/file_lock.h"
#include "util/hash.h"
#include "util/xdg.h"

namespace fs = std::filesystem;

namespace seriesctl {

namespace {

std::map<std::string, BuildArch> load_arches(const Project& project) {
    std::map<std::string, BuildArch> arches;
    for (const auto& file : {project.config_dir() / "build.yaml", user_config_dir() / "build.yaml"})
        if (fs::exists(file))
            for (auto& [name, arch] : parse_build_arches(read_file(file), file.string())) arches[name] = arch;
    return arches;
}

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
    auto saved = nlohmann::json::parse(read_file(result_file), nullptr, false);
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
    ProcessResult result = run_command(make.command(args));
    // The kernel's Makefile names sources by their real path (realpath of
    // srctree): a cache reached through a symlink must be matched resolved.
    std::string source = fs::weakly_canonical(make.source).string() + "/";
    Compile done{result.ok(), false, parse_compiler_output(result.out + result.err, source), result.out + result.err};
    fs::create_directories(result_file.parent_path());
    write_file_atomically(result_file, nlohmann::json{{"ok", done.ok}, {"diagnostics", to_json(done.diagnostics)},
                                                      {"log", done.log}}
                                           .dump());
    return done;
}

fs::path not_in_tree_file(const fs::path& build_root) { return build_root / "results" / "not-in-tree.json"; }

std::map<std::string, std::vector<std::string>> load_not_in_tree(const fs::path& build_root) {
    if (!fs::exists(not_in_tree_file(build_root))) return {};
    auto saved = nlohmann::json::parse(read_file(not_in_tree_file(build_root)), nullptr, false);
    if (saved.is_discarded()) return {};
    return saved.get<std::map<std::string, std::vector<std::string>>>();
}

void save_not_in_tree(const fs::path& build_root, const std::map<std::string, std::vector<std::string>>& symbols) {
    fs::create_directories(not_in_tree_file(build_root).parent_path());
    write_file_atomically(not_in_tree_file(build_root), nlohmann::json(symbols).dump());
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : " ") + item;
    return text;
}

std::vector<Diagnostic> of_kind(const std::vector<Diagnostic>& diagnostics, const std::string& kind) {
    std::vector<Diagnostic> out;
    for (const auto& d : diagnostics)
        if (d.kind == kind) out.push_back(d);
    return out;
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

BuildReport run_build(const Project& project, const BuildRequest& request,
                      const std::function<void(const std::string&)>& progress) {
    VersionAtHand at_hand = load_version_at_hand(project, request.series, request.version);
    const Series& series = at_hand.series;
    const Version& version = at_hand.version();
    const auto& patches = at_hand.patches;
    fs::path configs = project.root() / "kernel" / series.name / "configs";
    SeriesBuild plan = parse_series_build(read_file(configs / "build.yaml"), (configs / "build.yaml").string());
    auto all_arches = load_arches(project);

    BuildReport report;
    report.series = series.name;
    report.version = version.name();
    report.tree = series.tree_of(version);
    report.arches = !request.arches.empty() ? request.arches : !plan.arches.empty() ? plan.arches : std::vector<std::string>{};
    if (report.arches.empty())
        for (const auto& [name, arch] : all_arches) report.arches.push_back(name);
    for (const auto& name : report.arches)
        if (!all_arches.count(name)) throw Error("no architecture '" + name + "' in config/build.yaml");
    report.fragments = plan.fragments;
    for (const auto& fragment : plan.fragments)
        if (!fs::exists(configs / (fragment + ".config")))
            throw Error((configs / "build.yaml").string() + ": fragment " + fragment + ".config does not exist");

    TreeConfig trees = load_tree_config(project.config_dir(), user_config_dir());
    TreeStore store(cache_dir());
    TreeCheckout tree = checkout_tree(find_tree(trees, report.tree), store, progress);
    // The version is built on the tree as it is now: a tree that moved past
    // the recorded base is said so, and the evidence names the tip.
    report.base = tree.commit;
    report.base_note = base_standing(trees, store, report.tree, version, tree.commit).note();

    fs::path build_root = cache_dir() / "build" / report.tree;
    fs::create_directories(build_root);
    FileLock lock(build_root / ".lock");
    auto repo = open_linked_repository(build_root / "src", store);
    auto steps = git::step_trees(repo.get(), report.base, patches);
    git::TreeReader final_tree(repo.get(), steps.back());
    report.targets = build_targets(
        patches, plan.targets, [&](const std::string& dir) { return final_tree.list(dir, ".c"); },
        [&](const std::string& path) { return final_tree.read(path); });
    report.steps.push_back("base");
    for (const auto& patch : patches) report.steps.push_back(patch.summary);
    report.log_dir = cache_dir() / "logs" / series.name / version.name() / "build";
    fs::create_directories(report.log_dir);

    std::string kconfig_paths;  // the Kconfig files the series touches
    for (const auto& patch : patches)
        for (const auto& file : patch.files)
            if (fs::path(file.path()).filename().string().rfind("Kconfig", 0) == 0) kconfig_paths += file.path() + "\n";

    // Symbols a configuration's fragment names that no Kconfig defines yet;
    // kept beside the results so a reused result reports them too.
    std::map<std::string, std::vector<std::string>> not_in_tree_by_stamp = load_not_in_tree(build_root);
    std::map<std::string, std::vector<Diagnostic>> base_warnings;  // per arch/fragment
    for (size_t step = 0; step < steps.size(); ++step) {
        git::TreeReader reader(repo.get(), steps[step]);
        std::vector<std::string> targets;  // only those whose source exists yet
        for (const auto& target : report.targets)
            if (!reader.read(fs::path(target).replace_extension(".c").string()).empty()) targets.push_back(target);
        std::string kconfig_state;
        for (size_t pos = 0; pos < kconfig_paths.size();) {
            size_t end = kconfig_paths.find('\n', pos);
            kconfig_state += sha256_hex(reader.read(kconfig_paths.substr(pos, end - pos)));
            pos = end + 1;
        }
        bool checked_out = false;  // only a step that compiles needs its files
        for (const auto& arch_name : report.arches) {
            for (const auto& fragment : plan.fragments) {
                std::string cell_name = arch_name + "/" + fragment;
                progress((step == 0 ? std::string("base") : "patch " + std::to_string(step) + "/" +
                                                               std::to_string(patches.size())) +
                         " · " + cell_name + " · " + std::to_string(targets.size()) + " objects");
                fs::path fragment_file = configs / (fragment + ".config");
                const BuildArch& arch = all_arches.at(arch_name);
                bool ccache = program_exists("ccache");
                std::string stamp = sha256_hex(arch.arch + arch.cross_compile + arch.defconfig +
                                               std::to_string(ccache) + read_file(fragment_file) + kconfig_state);
                // One build directory per configuration: steps that change
                // Kconfig get their own instead of reconfiguring a shared one.
                KernelMake make{build_root / "src", build_root / (arch_name + "-" + fragment + "-" + stamp.substr(0, 8)),
                                arch, ccache, request.jobs};
                std::string key = sha256_hex(git::to_string(steps[step]) + stamp + (request.sparse ? "C=1" : "") +
                                             joined(targets));
                fs::path result_file = build_root / "results" / (key + ".json");
                std::optional<Compile> result;
                if (request.reuse) result = reused_result(result_file);
                if (!result) {
                    if (!checked_out) checkout_tree_id(repo.get(), steps[step], "step " + std::to_string(step));
                    checked_out = true;
                    auto missing = configure_kernel(make, fragment_file, stamp, [&](const std::string& symbol) {
                        return kconfig_defines(store.store_dir(), steps[step], symbol);
                    });
                    if (!missing.empty()) not_in_tree_by_stamp[stamp] = missing;
                    result = compile(make, targets, request.sparse, result_file);
                }
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
                write_file_atomically(log, result->log);
                cell.log = log.string();
                report.cells.push_back(cell);
            }
        }
    }

    save_not_in_tree(build_root, not_in_tree_by_stamp);
    CurrentContent content = current_content(project, series, patches, report.base);
    std::string date = now_iso8601();
    std::map<std::string, Evidence> gates;
    for (const auto& arch : report.arches) {
        Evidence evidence = make_evidence(Binding::code, report.passed(arch), content, report.tree, date);
        std::string compiler = all_arches.at(arch).cross_compile + "gcc";
        ProcessResult version_text = run_command(Command{{compiler, "-dumpfullversion"}});
        evidence.tools[compiler] = version_text.ok() ? version_text.out.substr(0, version_text.out.find('\n')) : "?";
        size_t new_warnings = 0, failed = 0;
        for (const auto& cell : report.cells)
            if (cell.arch == arch) new_warnings += cell.new_warnings.size(), failed += cell.ok ? 0 : 1;
        evidence.figures = {{"steps", std::to_string(steps.size())},
                            {"objects", std::to_string(report.targets.size())},
                            {"configs", joined(plan.fragments)},
                            {"failed-compiles", std::to_string(failed)},
                            {"new-warnings", std::to_string(new_warnings)},
                            {"flags", request.sparse ? "W=1 C=1" : "W=1"}};
        evidence.artifacts = report.log_dir.string();
        gates["build-" + arch] = evidence;
    }
    record_gates(project, series.name, version.name(), gates);
    return report;
}

}  // namespace seriesctl
