#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/git_fixture.h"

namespace seriesctl::test {

/// A small kernel-like history and a seriesctl checkout carrying a series on
/// it, for rebase and tree sync tests. The upstream repository has a branch
/// per tree:
///   clean    the series' base
///   offset   lines added above every hunk (context moved)
///   fuzz     the outermost context line of the rga hunk changed
///   nearby   a context line inside the rga hunk changed (3-way)
///   rewrite  a second series restructured device_run() (conflict)
/// The checkout (project()) has series/demo.yaml with v1 (sent) and v2
/// (draft, two patches with "Notes:" changelogs), and config/trees.yaml
/// naming those branches as remote trees over file://.
class RebaseFixture {
public:
    explicit RebaseFixture(const std::filesystem::path& root);

    const std::filesystem::path& project() const { return project_; }
    const std::filesystem::path& home() const { return home_; }
    const GitRepo& upstream() const { return upstream_; }
    /// The tip commit of a tree's branch.
    std::string tip(const std::string& tree) const;
    /// The v2 patch files, in order.
    const std::vector<std::filesystem::path>& v2() const { return v2_; }
    /// The second series (the "rewrite" branch over "clean") as mails with a
    /// cover letter, threaded: what lore would serve. Its cover's message-id.
    std::vector<std::string> rewrite_series_mails(std::string* cover_id) const;
    /// The shared object store the binary uses under home().
    std::filesystem::path store() const { return home_ / "cache" / "seriesctl" / "store.git"; }

private:
    std::filesystem::path root_, project_, home_;
    GitRepo upstream_;
    std::vector<std::filesystem::path> v2_;
};

/// `git daemon` serving a directory's repositories on 127.0.0.1. It runs
/// under `timeout`, so it ends by itself even if the test dies, and stops
/// when this object goes.
class GitDaemon {
public:
    explicit GitDaemon(const std::filesystem::path& base);
    /// "git://127.0.0.1:<port>/<name>".
    std::string url(const std::string& name) const;

private:
    int port_;
    std::unique_ptr<proc::Subprocess> process_;
};

/// `git http-backend` (smart HTTP) serving a directory's repositories on
/// 127.0.0.1, behind git_http_gateway.py. Like GitDaemon it runs under
/// `timeout` and stops when this object goes.
class GitHttpServer {
public:
    explicit GitHttpServer(const std::filesystem::path& base);
    /// "http://127.0.0.1:<port>/<name>".
    std::string url(const std::string& name) const;

private:
    int port_;
    std::unique_ptr<proc::Subprocess> process_;
};

}  // namespace seriesctl::test
