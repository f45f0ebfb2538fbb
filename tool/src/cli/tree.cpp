#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "config/lore_config.h"
#include "config/tree_config.h"
#include "series/table.h"
#include "tree/tarball_import.h"
#include "tree/tree_sync.h"
#include "tree/work_tree.h"
#include "util/error.h"
#include "util/xdg.h"

namespace seriesctl::cli {

namespace {

struct ImportOptions {
    std::string tree;
    bool checkout = true;
};

void run_import(const ImportOptions& options, Context& context) {
    const config::TreeConfig& config = context.trees();
    const config::TreeSpec& tree = config::find_tree(config, options.tree);
    if (tree.kind != config::TreeSpec::Kind::tarball)
        throw util::Error("tree " + tree.name + " is not a tarball tree; `tree import` reads tarballs");
    tree::TreeStore store(util::cache_dir());
    auto started = std::chrono::steady_clock::now();
    tree::ImportResult result;
    {
        Progress progress;
        result = tree::import_tarball(tree, store, [&](size_t files) {
            progress.update("importing " + tree.tarball + ": " + std::to_string(files) + " files");
        });
    }
    double import_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::filesystem::path work_tree;
    if (options.checkout) {
        Progress progress;
        work_tree = tree::ensure_work_tree(store, tree.name, result.commit, [&](const std::string& what) {
            progress.update(what);
        });
    }
    double total_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    if (context.options.json) {
        nlohmann::json out = {{"tree", tree.name},         {"commit", result.commit},
                              {"tag", result.tag},         {"files", result.files},
                              {"already", result.already}, {"import_seconds", import_seconds},
                              {"total_seconds", total_seconds}};
        if (!work_tree.empty()) out["work_tree"] = work_tree.string();
        std::cout << out.dump(2) << "\n";
        return;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f s", total_seconds);
    if (result.already)
        std::cout << tree.name << " is imported already: " << result.commit << " (" << result.tag << ")\n";
    else
        std::cout << "imported " << tree.name << ": " << result.files << " files, commit " << result.commit << " ("
                  << result.tag << ")\n";
    if (!work_tree.empty()) std::cout << "work tree: " << work_tree.string() << "\n";
    std::cout << "took " << seconds << "\n";
}

void run_list(Context& context) {
    const config::TreeConfig& config = context.trees();
    tree::TreeStore store(util::cache_dir());
    series::Table table({"TREE", "KIND", "SOURCE", "TIP"});
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [name, tree] : config) {
        std::string kind = tree.kind == config::TreeSpec::Kind::tarball ? "tarball"
                           : tree.kind == config::TreeSpec::Kind::remote ? "remote" : "series";
        std::string source = tree.kind == config::TreeSpec::Kind::tarball ? tree.tarball
                             : tree.kind == config::TreeSpec::Kind::remote
                                 ? tree.url + " " + (tree.branch.empty() ? tree.tag : tree.branch)
                                 : tree.base + " + " + std::to_string(tree.apply.size()) + " series";
        std::string tip = "-";
        if (std::filesystem::exists(store.store_dir()))
            if (auto oid = store.resolve(tree::TreeStore::tip_ref(name))) tip = git::to_string(*oid);
        table.add({name, kind, source, tip == "-" ? tip : tip.substr(0, 12)});
        out.push_back({{"tree", name}, {"kind", kind}, {"source", source}, {"tip", tip == "-" ? "" : tip}});
    }
    if (context.options.json)
        std::cout << out.dump(2) << "\n";
    else
        std::cout << table.render();
}

struct SyncOptions {
    std::string tree;
    bool all = false;
};

// Series trees build on other trees: sync those first.
std::vector<const config::TreeSpec*> sync_order(const config::TreeConfig& config, const SyncOptions& options) {
    if (!options.all) {
        if (options.tree.empty()) throw util::Error("name a tree to sync, or --all");
        return {&config::find_tree(config, options.tree)};
    }
    std::vector<const config::TreeSpec*> trees;
    for (const auto& [name, tree] : config)
        if (tree.kind != config::TreeSpec::Kind::series) trees.push_back(&tree);
    for (const auto& [name, tree] : config)
        if (tree.kind == config::TreeSpec::Kind::series) trees.push_back(&tree);
    return trees;
}

void run_sync(const SyncOptions& options, Context& context) {
    const config::TreeConfig& config = context.trees();
    const config::LoreConfig& lore = context.lore();
    tree::TreeStore store(util::cache_dir());
    nlohmann::json out = nlohmann::json::array();
    std::string failed;
    for (const config::TreeSpec* tree : sync_order(config, options)) {
        tree::SyncResult result;
        try {
            Progress progress;
            result = tree::sync_tree(*tree, store, lore, [&](const std::string& what) { progress.update(what); });
        } catch (const util::Error& e) {
            if (!options.all) throw;
            std::cerr << "seriesctl: " << e.what() << "\n";
            failed += (failed.empty() ? "" : ", ") + tree->name;
            continue;
        }
        bool changed = result.previous != result.commit;
        out.push_back({{"tree", result.tree}, {"previous", result.previous}, {"commit", result.commit},
                       {"changed", changed}});
        if (context.options.json) continue;
        if (!changed)
            std::cout << result.tree << ": up to date at " << result.commit.substr(0, 12) << "\n";
        else
            std::cout << result.tree << ": " << (result.previous.empty() ? "new" : result.previous.substr(0, 12))
                      << " -> " << result.commit.substr(0, 12) << "\n";
    }
    if (context.options.json) std::cout << out.dump(2) << "\n";
    if (!failed.empty()) throw util::Error("could not sync " + failed + "; the other trees are synced");
}

}  // namespace

void setup_tree(CLI::App& app, Context& context) {
    CLI::App* verb = app.add_subcommand("tree", "Kernel trees: import, sync, list");
    verb->require_subcommand(1);

    auto import = std::make_shared<ImportOptions>();
    CLI::App* import_verb = verb->add_subcommand("import", "Import a source tarball tree (e.g. debian-6.12) into the cache");
    import_verb->add_option("tree", import->tree, "Tree name from config/trees.yaml")->required();
    import_verb->add_flag("!--no-checkout", import->checkout, "Import only; do not check out a work tree");
    import_verb->callback([import, &context] { run_import(*import, context); });

    auto sync = std::make_shared<SyncOptions>();
    CLI::App* sync_verb = verb->add_subcommand(
        "sync", "Fetch remote trees into the shared store; build series trees from lore with b4");
    sync_verb->add_option("tree", sync->tree, "Tree name from config/trees.yaml");
    sync_verb->add_flag("--all", sync->all, "Every configured tree (series trees after the trees they build on)");
    sync_verb->callback([sync, &context] { run_sync(*sync, context); });

    CLI::App* list_verb = verb->add_subcommand("list", "Configured trees and their tips in the cache");
    list_verb->callback([&context] { run_list(context); });
}

}  // namespace seriesctl::cli
