#include "tree/tarball_import.h"

#include <algorithm>
#include <map>

#include "archive/tar_reader.h"
#include "git/fast_import.h"
#include "proc/subprocess.h"
#include "util/error.h"

namespace seriesctl::tree {

namespace {

// "linux-source-6.12/drivers/x.c" → "drivers/x.c": tarballs wrap the tree in
// one top directory; the repository holds what is inside it.
std::string strip_top(const std::string& path) {
    auto slash = path.find('/');
    return slash == std::string::npos ? "" : path.substr(slash + 1);
}

}  // namespace

std::string tarball_version(const config::TreeSpec& tree) {
    std::string version = tree.version;
    if (version.empty()) {
        proc::ProcessResult result = run_command(proc::Command{{"dpkg-query", "-W", "-f=${Version}", tree.package}});
        if (!result.ok() || result.out.empty())
            throw util::Error("tree " + tree.name + ": package " + tree.package +
                              " is not installed (tool/install-deps installs it)");
        version = result.out;
    }
    std::replace(version.begin(), version.end(), '~', '_');
    std::replace(version.begin(), version.end(), ':', '_');
    return version;
}

std::string pending_import(const config::TreeSpec& tree, const TreeStore& store) {
    if (tree.kind != config::TreeSpec::Kind::tarball) return "";
    std::string version;
    try {
        version = tarball_version(tree);
    } catch (const util::Error& e) {
        return e.what();
    }
    auto installed = store.resolve("refs/tags/" + tree.name + "/" + version);
    auto tip = store.resolve(TreeStore::tip_ref(tree.name));
    if (installed && tip && git_oid_equal(&*installed, &*tip)) return "";
    std::string what = tree.package.empty() ? tree.tarball : tree.package;
    return what + " " + version + " is installed but " + tree.name + " in the cache is " +
           (tip ? "an older import" : "not imported yet") + ": run `seriesctl tree import " + tree.name + "`";
}

ImportResult import_tarball(const config::TreeSpec& tree, const TreeStore& store,
                            const std::function<void(size_t files)>& progress) {
    ImportResult result;
    std::string version = tarball_version(tree);
    result.tag = "refs/tags/" + tree.name + "/" + version;
    store.open();
    if (auto existing = store.resolve(result.tag)) {
        result.commit = git::to_string(*existing);
        result.already = true;
        store.set_ref(TreeStore::tip_ref(tree.name), *existing);
        return result;
    }
    if (!std::filesystem::exists(tree.tarball))
        throw util::Error("tree " + tree.name + ": " + tree.tarball + " does not exist");

    git::FastImport importer(store.store_dir());
    archive::TarReader reader(tree.tarball);
    std::vector<git::FastImport::FileEntry> files;
    std::map<std::string, long> marks;  // for hard links
    long long newest = 0;
    while (auto entry = reader.next()) {
        std::string path = strip_top(entry->path);
        if (path.empty() || path.back() == '/') continue;
        newest = std::max(newest, entry->mtime);
        long mark = 0;
        unsigned mode = 0100644;
        switch (entry->kind) {
        case archive::TarEntry::Kind::file:
            mark = importer.blob(reader.read_data());
            if (entry->mode & 0111) mode = 0100755;
            break;
        case archive::TarEntry::Kind::symlink:
            mark = importer.blob(entry->target);
            mode = 0120000;
            break;
        case archive::TarEntry::Kind::hardlink: {
            auto target = marks.find(strip_top(entry->target));
            if (target == marks.end())
                throw util::Error(tree.tarball + ": hard link " + entry->path + " names a member not seen before");
            mark = target->second;
            break;
        }
        default:
            continue;
        }
        marks[path] = mark;
        files.push_back({path, mode, mark});
        if (files.size() % 5000 == 0) progress(files.size());
    }
    if (files.empty()) throw util::Error(tree.tarball + ": the archive holds no files");

    git::FastImport::Identity who{"seriesctl import", "seriesctl@localhost", newest};
    std::string message = "Import " + std::filesystem::path(tree.tarball).filename().string() + " " + version + "\n";
    if (!tree.package.empty()) message = "Import " + tree.package + " " + version + "\n";
    importer.commit(result.tag, who, message, files);
    importer.finish();
    progress(files.size());

    auto imported = store.resolve(result.tag);
    if (!imported) throw util::Error("git fast-import finished but " + result.tag + " is missing");
    // Set here, not by fast-import: a newer tarball's import shares no
    // history with the previous tip, and fast-import would refuse to move it.
    store.set_ref(TreeStore::tip_ref(tree.name), *imported);
    result.commit = git::to_string(*imported);
    result.files = files.size();
    return result;
}

}  // namespace seriesctl::tree
