#include <algorithm>
#include <gtest/gtest.h>

#include "git/diff_parser.h"
#include "git/handle.h"
#include "patch/patch.h"
#include "patch/patch_id.h"
#include "support/git_fixture.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::patch;

namespace {

git::Library libgit2;

// A small real history: base, then a three-patch series with a changelog
// note on patch 2, a new file, a deleted file and a non-ASCII author.
struct SeriesRepo {
    test::TempDir dir;
    test::GitRepo repo{dir / "repo"};
    std::vector<std::filesystem::path> files;

    SeriesRepo() {
        std::string body;
        for (int i = 1; i <= 40; ++i) body += "line " + std::to_string(i) + "\n";
        repo.write("drivers/demo/core.c", body);
        repo.write("drivers/demo/old.c", "gone\n");
        repo.commit("base");

        repo.write("drivers/demo/core.c", replace(body, "line 5\n", "line 5\n\tadded(x);  /* spaced */\n"));
        repo.commit("demo: core: add a call\n\nWhy it matters.\n\nSigned-off-by: Ada Tester <ada@example.org>");

        repo.write("drivers/demo/core.c",
                   replace(replace(body, "line 5\n", "line 5\n\tadded(x);  /* spaced */\n"), "line 30\n", "line thirty\n"));
        repo.write("drivers/demo/new.h", "#define NEW 1\n");
        repo.git({"commit", "-q", "-a", "-m", "placeholder"});
        repo.git({"add", "-A"});
        repo.git({"commit", "-q", "--amend", "--author=Zoë Ölund <zoe@example.org>", "-m",
                  "demo: core: rename line thirty\n\nLonger text.\n\nReviewed-by: Rey Viewer <rey@example.org>\n"
                  "Signed-off-by: Zoë Ölund <zoe@example.org>"});
        repo.git({"notes", "add", "-m", "Changes in v2:\n- renamed (Rey)"});

        repo.git({"rm", "-q", "drivers/demo/old.c"});
        repo.git({"commit", "-q", "-m", "demo: drop old.c\n\nSigned-off-by: Ada Tester <ada@example.org>"});
        files = repo.format_patch("HEAD~3", dir / "out", {"--notes"});
    }

    static std::string replace(std::string text, const std::string& from, const std::string& to) {
        return text.replace(text.find(from), from.size(), to);
    }
};

// parse_patch's error for `text` as kernel/x/0001.patch, or "" when it parses.
std::string patch_error(const std::string& text) {
    try {
        git::read_patch(text, "kernel/x/0001.patch");
    } catch (const util::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(Patch, ParsesRealFormatPatchOutput) {
    SeriesRepo fixture;
    ASSERT_EQ(fixture.files.size(), 3u);
    PatchFile first = git::read_patch(util::read_file(fixture.files[0]), "0001.patch");
    EXPECT_EQ(first.summary, "demo: core: add a call");
    EXPECT_EQ(first.prefix, "PATCH 1/3");
    EXPECT_EQ(first.number, 1);
    EXPECT_EQ(first.total, 3);
    EXPECT_EQ(first.author.formatted(), "Ada Tester <ada@example.org>");
    EXPECT_EQ(first.message, "Why it matters.\n\nSigned-off-by: Ada Tester <ada@example.org>");
    ASSERT_EQ(first.trailers.size(), 1u);
    EXPECT_EQ(first.trailers[0].key, "Signed-off-by");
    EXPECT_EQ(first.commit.size(), 40u);
    ASSERT_EQ(first.files.size(), 1u);
    EXPECT_EQ(first.files[0].path(), "drivers/demo/core.c");
    ASSERT_EQ(first.files[0].hunks.size(), 1u);
    EXPECT_EQ(first.files[0].hunks[0].old_start, 3);
    EXPECT_EQ(first.files[0].hunks[0].new_lines, 7);
    EXPECT_EQ(first.files[0].hunks[0].lines[3], "+\tadded(x);  /* spaced */");
    EXPECT_EQ(first.signature, "2.39.5");
    EXPECT_EQ(first.notes, "");

    PatchFile second = git::read_patch(util::read_file(fixture.files[1]), "0002.patch");
    EXPECT_EQ(second.author.formatted(), "Zoë Ölund <zoe@example.org>");
    EXPECT_EQ(second.notes, "Notes:\n    Changes in v2:\n    - renamed (Rey)");
    ASSERT_EQ(second.trailers.size(), 2u);
    EXPECT_EQ(second.trailers[0].value, "Rey Viewer <rey@example.org>");
    ASSERT_EQ(second.files.size(), 2u);
    EXPECT_EQ(second.files[1].old_path, "");
    EXPECT_EQ(second.files[1].new_path, "drivers/demo/new.h");
    EXPECT_NE(second.diffstat.find("2 files changed"), std::string::npos);

    PatchFile third = git::read_patch(util::read_file(fixture.files[2]), "0003.patch");
    ASSERT_EQ(third.files.size(), 1u);
    EXPECT_EQ(third.files[0].new_path, "");
    EXPECT_EQ(third.files[0].old_path, "drivers/demo/old.c");
}

TEST(Patch, PatchIdEqualsGitPatchIdStable) {
    SeriesRepo fixture;
    for (const auto& file : fixture.files) {
        std::string text = util::read_file(file);
        std::string git_says = fixture.repo.git({"patch-id", "--stable"}, text);
        ASSERT_GE(git_says.size(), 40u) << file;
        EXPECT_EQ(git::read_patch(text, file.string()).patch_id(), git_says.substr(0, 40)) << file;
    }
}

// Two files in the other order: --stable sums per-file digests, so the id
// must not change; and white space changes must not change it either.
TEST(Patch, PatchIdIgnoresFileOrderAndWhitespace) {
    SeriesRepo fixture;
    PatchFile second = git::read_patch(util::read_file(fixture.files[1]), "0002.patch");
    std::string diff = second.diff;
    auto split = diff.find("diff --git a/drivers/demo/new.h");
    ASSERT_NE(split, std::string::npos);
    std::string swapped = diff.substr(split) + diff.substr(0, split);
    EXPECT_EQ(stable_patch_id(swapped), second.patch_id());
    std::string respaced = diff;
    respaced.replace(respaced.find("line thirty"), 11, "line   thirty");
    EXPECT_EQ(stable_patch_id(respaced), second.patch_id());
    respaced.replace(respaced.find("line   thirty"), 13, "line forty");
    EXPECT_NE(stable_patch_id(respaced), second.patch_id());
}

TEST(Patch, ContentHashFollowsTheTextButNotTheNumbering) {
    SeriesRepo fixture;
    std::string text = util::read_file(fixture.files[0]);
    PatchFile patch = git::read_patch(text, "a");
    std::string renumbered = text;
    renumbered.replace(renumbered.find("[PATCH 1/3]"), 11, "[PATCH v2 1/4]");
    EXPECT_EQ(git::read_patch(renumbered, "b").content_hash(), patch.content_hash());
    std::string reworded = text;
    reworded.replace(reworded.find("Why it matters."), 15, "Why it matters!");
    PatchFile changed = git::read_patch(reworded, "c");
    EXPECT_NE(changed.content_hash(), patch.content_hash());
    EXPECT_EQ(changed.patch_id(), patch.patch_id()) << "the code did not change";
}

TEST(Patch, MalformedFilesGiveOneClearError) {
    SeriesRepo fixture;
    std::string good = util::read_file(fixture.files[0]);
    EXPECT_EQ(patch_error(""), "kernel/x/0001.patch: empty file, not a git format-patch mail");
    EXPECT_EQ(patch_error("hello world\n"), "kernel/x/0001.patch: line 1: not a mail header: 'hello world'");
    EXPECT_EQ(patch_error("From: a@b.c\n\nbody\n"),
              "kernel/x/0001.patch: no From: or Subject: header; not a git format-patch mail");

    std::string no_separator = good;
    no_separator.replace(no_separator.find("\n---\n"), 5, "\n");
    EXPECT_EQ(patch_error(no_separator), "kernel/x/0001.patch: no '---' line after the commit message");

    std::string no_diff = good.substr(0, good.find("diff --git"));
    EXPECT_EQ(patch_error(no_diff), "kernel/x/0001.patch: no 'diff --git' after the '---' line: the patch changes nothing");

    std::string broken_hunk = good;
    broken_hunk.replace(broken_hunk.find("@@ -3,"), 6, "@@ -x,");
    EXPECT_NE(patch_error(broken_hunk).find("kernel/x/0001.patch: the diff cannot be parsed"), std::string::npos)
        << patch_error(broken_hunk);

    std::string bad_from = good;
    bad_from.replace(bad_from.find("From: Ada Tester <ada@example.org>"), 34, "From: Ada Tester ada");
    EXPECT_EQ(patch_error(bad_from), "kernel/x/0001.patch: From: 'Ada Tester ada' is not a mail address");
}

TEST(Trailers, OnlyTheLastParagraphAndOnlyWhenAllLinesAreTrailers) {
    EXPECT_EQ(parse_trailers("Text.\n\nFixes: abc (\"x\")\nSigned-off-by: A <a@b>").size(), 2u);
    EXPECT_TRUE(parse_trailers("Text.\n\nNote: this is prose\nand more prose").empty());
    EXPECT_TRUE(parse_trailers("Only: one paragraph but prose follows\nnothing").empty());
}

TEST(Patch, APathOutsideTheTreeIsRefusedNamingFileLineAndPath) {
    SeriesRepo fixture;
    std::string good = util::read_file(fixture.files[0]);
    auto line_of = [](const std::string& text, const std::string& what) {
        return std::to_string(std::count(text.begin(), text.begin() + static_cast<long>(text.find(what)), '\n') + 1);
    };
    auto with_path = [&](const std::string& path) {
        std::string text = good;
        for (size_t at; (at = text.find("drivers/demo/core.c")) != std::string::npos;) text.replace(at, 19, path);
        return text;
    };
    std::string line = line_of(good, "diff --git");
    EXPECT_EQ(patch_error(with_path("../../etc/passwd")),
              "kernel/x/0001.patch:" + line + ": the path '../../etc/passwd' climbs out of the tree ('..'); refusing the patch");
    EXPECT_EQ(patch_error(with_path("drivers/../../x.c")),
              "kernel/x/0001.patch:" + line + ": the path 'drivers/../../x.c' climbs out of the tree ('..'); refusing the patch");
    EXPECT_EQ(patch_error(with_path("/etc/passwd")),
              "kernel/x/0001.patch:" + line + ": the path '/etc/passwd' is absolute; refusing the patch");
    EXPECT_EQ(patch_error(with_path(".git/hooks/pre-commit")),
              "kernel/x/0001.patch:" + line + ": the path '.git/hooks/pre-commit' reaches into .git; refusing the patch");
    EXPECT_EQ(patch_error(with_path("drivers/..foo/core.c")), "") << "'..' only as a whole component";
}

TEST(Patch, ASubjectDecodingToALineBreakIsRefused) {
    SeriesRepo fixture;
    std::string text = util::read_file(fixture.files[0]);
    size_t at = text.find("Subject: ");
    text.insert(at + 9, "=?UTF-8?q?x=0ABcc:_evil@example.org?= ");
    EXPECT_EQ(patch_error(text),
              "kernel/x/0001.patch: Subject: the decoded subject holds a line break or control character (header injection)");
}

TEST(PatchSubject, ANumberTooLargeForAnIntIsNoNumberingNotACrash) {
    PatchSubject subject = parse_patch_subject("[PATCH 99999999999/3] media: x");
    EXPECT_EQ(subject.number, 0);
    EXPECT_EQ(subject.total, 0);
    EXPECT_EQ(subject.summary, "media: x");
    EXPECT_EQ(parse_patch_subject("[PATCH v2 123456789/999999999] y").number, 123456789);
}

// Found by tool/fuzz/patch_fuzz: libgit2 read past its copy of a diff line
// holding a NUL (AddressSanitizer: heap-buffer-overflow).
TEST(Patch, ANulInTheDiffIsRefusedBeforeLibgit2ReadsIt) {
    SeriesRepo fixture;
    std::string text = util::read_file(fixture.files[0]);
    size_t context = text.find("\n line 3\n");
    ASSERT_NE(context, std::string::npos);
    text.insert(context + 2, std::string(3, '\0'));
    std::string error = patch_error(text);
    EXPECT_TRUE(error.starts_with("kernel/x/0001.patch: the diff holds a NUL byte (its line ")) << error;
    EXPECT_TRUE(error.ends_with("); a text patch has none")) << error;
}
