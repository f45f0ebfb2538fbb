#include <gtest/gtest.h>

#include "series/series_yaml.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::series;

namespace {

// Every field of the schema, in canonical form.
const char* full_series = R"(schema: 1
name: demo
title: "demo: add a thing"
prefix: PATCH RFC
change-id: 20260428-demo-thing-0123456789ab
from: Ada Tester <ada@example.org>
tree: debian-6.12
targets:
  - media-next
  - linux-next
cc:
  - dri-devel@lists.freedesktop.org
  - Sima Vetter <simona@ffwll.ch>
required-gates:
  - checkpatch
  - build-x86_64
threading: previous-cover
versions:
  - version: v1
    state: sent
    patches: kernel/demo/v1
    base:
      tree: debian-6.12
      commit: 0123456789abcdef0123456789abcdef01234567
    cover:
      subject: "demo: add a thing"
      body: |
        First paragraph.

        Second paragraph.
      questions:
        - Is this the right place?
    reviews:
      - id: v1-1
        message-id: reply-1@example.org
        author: Rey Viewer <rey@example.org>
        date: 2026-04-30
        patch: 2
        trailers:
          - "Reviewed-by: Rey Viewer <rey@example.org>"
        excerpt: Looks fine.
        addressed-in: v2
        note: kept as is
    gates:
      checkpatch:
        verdict: passed
        binding: content
        date: 2026-04-29T10:00:00Z
        tree: debian-6.12
        commit: 0123456789abcdef0123456789abcdef01234567
        tools:
          checkpatch: 6.12.117
        figures:
          checks: 0
          errors: 0
        artifacts: /cache/logs/checkpatch.log
        taken-on:
          - patch-id: aaaa
            content: bbbb
    sent:
      date: 2026-04-29
      cover: 20260429195306.239666-1-ada@example.org
      link: https://lore.kernel.org/r/20260429195306.239666-1-ada@example.org
      messages:
        - {number: 0, message-id: 20260429195306.239666-1-ada@example.org, state: accepted}
  - version: v2
    state: draft
    patches: kernel/demo/v2
    cc:
      - Chris Tian <chris@example.org>
    changelog:
      - patch: 2
        text: Move the call (Rey)
        answers: v1-1
)";

std::string error_of(const std::string& text) {
    try {
        parse_series(text, "series/demo.yaml");
    } catch (const util::Error& e) {
        return e.what();
    }
    return "";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST(SeriesYaml, RoundTripIsByteIdentical) {
    Series series = parse_series(full_series, "series/demo.yaml");
    EXPECT_EQ(render_series(series), full_series);
}

TEST(SeriesYaml, ReadsEveryField) {
    Series series = parse_series(full_series, "series/demo.yaml");
    ASSERT_EQ(series.versions.size(), 2u);
    const Version& v1 = series.versions[0];
    EXPECT_EQ(v1.state, VersionState::sent);
    EXPECT_EQ(v1.cover.body, "First paragraph.\n\nSecond paragraph.");
    EXPECT_EQ(v1.reviews.at(0).patch, 2);
    EXPECT_EQ(v1.reviews.at(0).trailers.at(0), "Reviewed-by: Rey Viewer <rey@example.org>");
    EXPECT_EQ(v1.gates.at("checkpatch").figures.at("errors"), "0");
    EXPECT_EQ(v1.gates.at("checkpatch").taken_on.at(0).patch_id, "aaaa");
    EXPECT_EQ(v1.sent->messages.at(0).state, MessageState::accepted);
    EXPECT_EQ(series.versions[1].changelog.at(0).answers, "v1-1");
    EXPECT_EQ(series.cc.at(1), "Sima Vetter <simona@ffwll.ch>");
    EXPECT_EQ(series.find_review("v1-1")->author, "Rey Viewer <rey@example.org>");
}

TEST(SeriesYaml, ABaseNamedByItsReleaseRoundTrips) {
    std::string text = replaced(full_series, "      commit: 0123456789abcdef0123456789abcdef01234567\n",
                                "      upstream: v6.12.117\n");
    Series series = parse_series(text, "series/demo.yaml");
    EXPECT_EQ(series.versions[0].base.upstream, "v6.12.117");
    EXPECT_EQ(series.versions[0].base.commit, "");
    EXPECT_EQ(render_series(series), text);
}

TEST(SeriesYaml, SyntaxErrorNamesFileLineAndColumn) {
    EXPECT_EQ(error_of("schema: 1\nname: [unclosed\n"), "series/demo.yaml:3:1: end of sequence flow not found");
}

struct SchemaError {
    const char* what;
    std::string from, to;
    std::string message;
};

class SeriesYamlErrors : public ::testing::TestWithParam<SchemaError> {};

TEST_P(SeriesYamlErrors, NamesFileLineAndField) {
    const auto& c = GetParam();
    EXPECT_EQ(error_of(replaced(full_series, c.from, c.to)), c.message) << c.what;
}

INSTANTIATE_TEST_SUITE_P(
    EveryRule, SeriesYamlErrors,
    ::testing::Values(
        SchemaError{"newer schema", "schema: 1", "schema: 2",
                    "series/demo.yaml:1:9: schema: this seriesctl reads schema 1, the file says 2"},
        SchemaError{"schema not a number", "schema: 1", "schema: one",
                    "series/demo.yaml:1:9: schema: 'one' is not a whole number"},
        SchemaError{"missing title", "title: \"demo: add a thing\"\n", "",
                    "series/demo.yaml:1:1: title: missing"},
        SchemaError{"bad name", "name: demo", "name: Demo Series",
                    "series/demo.yaml:2:7: name: 'Demo Series' is not a series name (a-z, 0-9, . _ -)"},
        SchemaError{"bad change-id", "change-id: 20260428-demo-thing-0123456789ab", "change-id: demo",
                    "series/demo.yaml:5:12: change-id: 'demo' is not a b4 change-id (YYYYMMDD-slug-<12 hex>)"},
        SchemaError{"from with a newline", "from: Ada Tester <ada@example.org>", "from: \"Ada\\nBcc: x@y.z <ada@example.org>\"",
                    "series/demo.yaml:6:7: from: 'Ada\\nBcc: x@y.z <ada@example.org>' contains a line break (header injection)"},
        SchemaError{"cover subject with a newline", "subject: \"demo: add a thing\"\n      body",
                    "subject: \"demo\\nBcc: x@y.z\"\n      body",
                    "series/demo.yaml:26:16: versions[0].cover.subject: 'demo\\nBcc: x@y.z' contains a line break (header injection)"},
        SchemaError{"title with a NUL", "title: \"demo: add a thing\"", "title: \"demo\\0thing\"",
                    "series/demo.yaml:3:8: title: 'demo\\x00thing' contains a control character"},
        SchemaError{"prefix with a CR", "prefix: PATCH RFC", "prefix: \"PATCH\\rRFC\"",
                    "series/demo.yaml:4:9: prefix: 'PATCH\\rRFC' contains a line break (header injection)"},
        SchemaError{"trailer with a newline", "- \"Reviewed-by: Rey Viewer <rey@example.org>\"",
                    "- \"Reviewed-by: Rey Viewer <rey@example.org>\\nBcc: x@y.z\"",
                    "series/demo.yaml:40:11: versions[0].reviews[0].trailers: 'Reviewed-by: Rey Viewer <rey@example.org>\\nBcc: x@y.z' contains a line break (header injection)"},
        SchemaError{"a key twice", "    state: draft", "    state: draft\n    state: sent",
                    "series/demo.yaml:68:5: versions[1].state: appears twice in one mapping"},
        SchemaError{"a figure twice", "          errors: 0\n", "          errors: 0\n          errors: 3\n",
                    "series/demo.yaml:56:11: versions[0].gates.checkpatch.figures.errors: appears twice in one mapping"},
        SchemaError{"a NUL in a review's excerpt", "excerpt: Looks fine.", "excerpt: \"Looks\\0fine.\"",
                    "series/demo.yaml:41:18: versions[0].reviews[0].excerpt: 'Looks\\x00fine.' contains a control character"},
        SchemaError{"patches on two lines", "    patches: kernel/demo/v1\n", "    patches: \"kernel/demo/v1\\n\"\n",
                    "series/demo.yaml:21:14: versions[0].patches: 'kernel/demo/v1\\n' contains a line break (header injection)"},
        SchemaError{"cc not an address", "  - dri-devel@lists.freedesktop.org", "  - dri-devel",
                    "series/demo.yaml:12:3: cc: 'dri-devel' is not a mail address"},
        SchemaError{"unknown top-level key", "threading: previous-cover", "threading: previous-cover\nthreads: 2",
                    "series/demo.yaml:18:1: threads: unknown field"},
        SchemaError{"unknown threading", "threading: previous-cover", "threading: sideways",
                    "series/demo.yaml:17:12: threading: 'sideways' is not one of previous-cover, first-cover"},
        SchemaError{"bad state", "    state: draft", "    state: drafty",
                    "series/demo.yaml:67:12: versions[1].state: 'drafty' is not one of draft, ready, sending, sent, superseded"},
        SchemaError{"bad version name", "  - version: v2", "  - version: 2",
                    "series/demo.yaml:66:14: versions[1].version: '2' is not a version name (vN)"},
        SchemaError{"version number larger than an int", "  - version: v2", "  - version: v99999999999",
                    "series/demo.yaml:66:14: versions[1].version: 'v99999999999' is not a version name (vN)"},
        SchemaError{"version gap", "  - version: v2", "  - version: v3",
                    "series/demo.yaml:66:14: versions[1].version: expected v2 next, found v3"},
        SchemaError{"short commit", "      commit: 0123456789abcdef0123456789abcdef01234567\n    cover",
                    "      commit: 0123456\n    cover",
                    "series/demo.yaml:24:15: versions[0].base.commit: '0123456' is not a full commit id"},
        SchemaError{"base not an upstream tag", "      commit: 0123456789abcdef0123456789abcdef01234567\n    cover",
                    "      upstream: 6.12.117\n    cover",
                    "series/demo.yaml:24:17: versions[0].base.upstream: '6.12.117' is not an upstream release tag "
                    "(v6.12.117, v6.13-rc2)"},
        SchemaError{"message-id with brackets", "message-id: reply-1@example.org", "message-id: <reply-1@example.org>",
                    "series/demo.yaml:35:21: versions[0].reviews[0].message-id: '<reply-1@example.org>' is not a message-id (no angle brackets)"},
        SchemaError{"bad review date", "date: 2026-04-30", "date: yesterday",
                    "series/demo.yaml:37:15: versions[0].reviews[0].date: 'yesterday' is not a date (YYYY-MM-DD[THH:MM:SSZ])"},
        SchemaError{"negative patch", "patch: 2\n        trailers", "patch: -1\n        trailers",
                    "series/demo.yaml:38:16: versions[0].reviews[0].patch: '-1' is not a whole number"},
        SchemaError{"bad verdict", "verdict: passed", "verdict: ok",
                    "series/demo.yaml:46:18: versions[0].gates.checkpatch.verdict: 'ok' is not one of passed, failed"},
        SchemaError{"sent without cover", "      cover: 20260429195306.239666-1-ada@example.org\n", "",
                    "series/demo.yaml:61:7: versions[0].sent: a sent version needs sent.cover (its message-id)"},
        SchemaError{"unknown review in changelog", "answers: v1-1", "answers: v1-9",
                    "series/demo.yaml:74:18: versions[1].changelog[0].answers: no earlier review has the id 'v1-9'"},
        SchemaError{"list expected", "  - media-next\n  - linux-next", "  media-next",
                    "series/demo.yaml:9:3: targets: expected a list"},
        SchemaError{"message state", "state: accepted}", "state: maybe}",
                    "series/demo.yaml:65:83: versions[0].sent.messages[0].state: 'maybe' is not one of attempted, accepted"}));

TEST(SeriesYaml, DuplicateReviewIdIsAnError) {
    std::string text = replaced(full_series, "    changelog:",
                                "    reviews:\n      - id: v1-1\n        author: a@b.c\n        date: 2026-05-01\n    changelog:");
    EXPECT_EQ(error_of(text), "series/demo.yaml:72:13: versions[1].reviews[0].id: review id 'v1-1' is used twice");
}

// Found by the series_yaml fuzzer: text with line breaks that a `|` block
// cannot hold as it is (no final line break outside a paragraph field, a
// blank first character) must still read back unchanged, and the written
// form must be a fixed point.
TEST(SeriesYaml, TextWithLineBreaksReadsBackUnchanged) {
    Series series = parse_series(full_series, "series/demo.yaml");
    series.versions[1].changelog.at(0).text = "Move the call\nfrom buf_queue to device_run ";
    series.versions[0].cover.body = "  indented first line\nsecond";
    series.versions[0].gates.at("checkpatch").config = "a\nb";
    series.versions[0].gates.at("checkpatch").kernel = "ends with a break\n";

    std::string written = render_series(series);
    Series again = parse_series(written, "series/demo.yaml");
    EXPECT_EQ(again.versions[1].changelog.at(0).text, "Move the call\nfrom buf_queue to device_run ");
    EXPECT_EQ(again.versions[0].cover.body, "  indented first line\nsecond");
    EXPECT_EQ(again.versions[0].gates.at("checkpatch").config, "a\nb");
    EXPECT_EQ(again.versions[0].gates.at("checkpatch").kernel, "ends with a break\n");
    EXPECT_EQ(render_series(again), written);
}
