#include "series/series_yaml.h"

#include <regex>
#include <set>
#include <yaml-cpp/yaml.h>

#include "mail/address.h"
#include "series/kernel_release.h"
#include "series/yaml_fields.h"
#include "util/error.h"
#include "util/printable.h"

namespace seriesctl::series {

namespace {

const std::vector<std::string> version_states = {"draft", "ready", "sending", "sent", "superseded"};

template <typename Enum>
Enum enum_of(const std::string& text, const std::vector<std::string>& names) {
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return static_cast<Enum>(i);
    throw util::Error("internal: unknown enum value " + text);
}

std::string without_trailing_newlines(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

// Field-level checks: each returns the value or fails naming the field.
std::string checked(const YamlFields& at, const char* key, const std::string& value,
                    const std::regex& shape, const char* expected) {
    if (!value.empty() && !std::regex_match(value, shape))
        at.fail(key, "'" + value + "' is not " + expected);
    return value;
}

const std::regex date_shape(R"(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?)");
const std::regex commit_shape("[0-9a-f]{40}");
const std::regex change_id_shape(R"(\d{8}-[a-z0-9][a-z0-9-]*-[0-9a-f]{12})");
const std::regex message_id_shape(R"([^\s<>]+@[^\s<>]+)");
const std::regex version_shape(R"(v[1-9][0-9]{0,8})");  // an int holds N
const std::regex name_shape(R"([a-z0-9][a-z0-9._-]*)");

// The value in quotes on one line: a CR, LF or other control character
// inside is shown, not printed.
std::string quoted(const std::string& value) { return "'" + util::printable(value) + "'"; }

// A value that becomes (part of) a mail header or a trailer line: a line
// break would start a header or a line of its own.
std::string one_line(const YamlFields& at, const char* key, const std::string& value) {
    if (value.find_first_of("\r\n") != std::string::npos)
        at.fail(key, quoted(value) + " contains a line break (header injection)");
    if (util::has_control_character(value)) at.fail(key, quoted(value) + " contains a control character");
    return value;
}

std::vector<std::string> one_line_list(const YamlFields& at, const char* key) {
    std::vector<std::string> list = at.texts(key);
    for (const auto& item : list) one_line(at, key, item);
    return list;
}

std::string address_field(const YamlFields& at, const char* key, const std::string& value) {
    std::string why;
    if (!value.empty() && mail::parse_address(value, &why).email.empty()) at.fail(key, quoted(value) + " " + why);
    return value;
}

std::vector<std::string> address_list(const YamlFields& at, const char* key) {
    std::vector<std::string> list = at.texts(key);
    for (const auto& item : list) {
        std::string why;
        if (mail::parse_address(item, &why).email.empty()) at.fail(key, quoted(item) + " " + why);
    }
    return list;
}

Review read_review(const YamlFields& at) {
    Review review;
    review.id = one_line(at, "id", at.text("id"));
    review.message_id = checked(at, "message-id", at.optional_text("message-id"), message_id_shape,
                                "a message-id (no angle brackets)");
    review.author = address_field(at, "author", at.text("author"));
    review.date = checked(at, "date", at.text("date"), date_shape, "a date (YYYY-MM-DD[THH:MM:SSZ])");
    review.patch = at.integer("patch", 0);
    review.trailers = one_line_list(at, "trailers");
    review.excerpt = without_trailing_newlines(at.optional_text("excerpt"));
    review.addressed_in = checked(at, "addressed-in", at.optional_text("addressed-in"), version_shape,
                                  "a version name (vN)");
    review.note = without_trailing_newlines(at.optional_text("note"));
    return review;
}

Evidence read_evidence(const YamlFields& at) {
    Evidence evidence;
    evidence.verdict = enum_of<Verdict>(at.choice("verdict", {"passed", "failed"}), {"passed", "failed"});
    evidence.binding = enum_of<Binding>(at.choice("binding", {"content", "code"}), {"content", "code"});
    evidence.date = checked(at, "date", at.text("date"), date_shape, "a date");
    evidence.tree = at.optional_text("tree");
    evidence.commit = checked(at, "commit", at.optional_text("commit"), commit_shape, "a full commit id");
    evidence.config = at.optional_text("config");
    evidence.kernel = at.optional_text("kernel");
    evidence.tools = at.text_map("tools");
    evidence.figures = at.text_map("figures");
    evidence.artifacts = at.optional_text("artifacts");
    at.each("taken-on", [&](const YamlFields& item) {
        evidence.taken_on.push_back({item.text("patch-id"), item.text("content")});
    });
    evidence.forced = without_trailing_newlines(at.optional_text("forced"));
    return evidence;
}

SentRecord read_sent_record(const YamlFields& at) {
    SentRecord sent;
    sent.date = checked(at, "date", at.text("date"), date_shape, "a date");
    sent.cover = checked(at, "cover", at.optional_text("cover"), message_id_shape, "a message-id");
    sent.link = one_line(at, "link", at.optional_text("link"));
    at.each("messages", [&](const YamlFields& item) {
        SentMessage message;
        message.number = item.integer("number", 0, true);
        message.message_id = checked(item, "message-id", item.text("message-id"), message_id_shape, "a message-id");
        message.state = enum_of<MessageState>(item.choice("state", {"attempted", "accepted"}),
                                              {"attempted", "accepted"});
        sent.messages.push_back(message);
    });
    sent.forced = without_trailing_newlines(at.optional_text("forced"));
    sent.overridden = at.texts("overridden");
    return sent;
}

// `review_ids` holds the ids of earlier versions' reviews: a changelog
// answers one of those, and an id is never used twice.
Version read_version(const YamlFields& at, int expected_number, std::set<std::string>& review_ids) {
    Version version;
    std::string name = checked(at, "version", at.text("version"), version_shape, "a version name (vN)");
    version.number = std::stoi(name.substr(1));
    if (version.number != expected_number)
        at.fail("version", "expected v" + std::to_string(expected_number) + " next, found " + name);
    version.state = enum_of<VersionState>(at.choice("state", version_states), version_states);
    version.patches = one_line(at, "patches", at.text("patches"));
    if (at.has("base")) {
        YamlFields base = at.child("base");
        version.base.tree = one_line(base, "tree", base.optional_text("tree"));
        version.base.upstream = base.optional_text("upstream");
        if (!version.base.upstream.empty() && !parse_release_tag(version.base.upstream))
            base.fail("upstream", "'" + version.base.upstream + "' is not an upstream release tag (v6.12.117, v6.13-rc2)");
        version.base.commit = checked(base, "commit", base.optional_text("commit"), commit_shape, "a full commit id");
        base.finish();
    }
    version.cc = address_list(at, "cc");
    if (at.has("cover")) {
        YamlFields cover = at.child("cover");
        version.cover.subject = one_line(cover, "subject", cover.text("subject"));
        version.cover.body = without_trailing_newlines(cover.optional_text("body"));
        version.cover.questions = cover.texts("questions");
        cover.finish();
    }
    at.each("changelog", [&](const YamlFields& item) {
        ChangelogEntry entry;
        entry.patch = item.integer("patch", 0);
        entry.text = without_trailing_newlines(item.text("text"));
        entry.answers = item.optional_text("answers");
        if (!entry.answers.empty() && !review_ids.count(entry.answers))
            item.fail("answers", "no earlier review has the id " + quoted(entry.answers));
        version.changelog.push_back(entry);
    });
    at.each("reviews", [&](const YamlFields& item) {
        version.reviews.push_back(read_review(item));
        if (!review_ids.insert(version.reviews.back().id).second)
            item.fail("id", "review id " + quoted(version.reviews.back().id) + " is used twice");
    });
    at.each_entry("gates", [&](const std::string& gate, const YamlFields& item) {
        version.gates[gate] = read_evidence(item);
    });
    if (at.has("sent")) {
        YamlFields sent = at.child("sent");
        version.sent = read_sent_record(sent);
        sent.finish();
    }
    if ((version.state == VersionState::sent || version.state == VersionState::superseded) &&
        (!version.sent || version.sent->cover.empty()))
        at.fail("sent", "a " + to_string(version.state) + " version needs sent.cover (its message-id)");
    return version;
}

// --- rendering -------------------------------------------------------------

// yaml-cpp writes every literal block as `|` (clip), which reads back with
// one final line break and the indentation of its first line. A paragraph
// (read without its final line breaks) is kept by that when it does not
// start with a blank; any other text with a line break is written
// double-quoted, which reads back byte for byte.
void put_text(YAML::Emitter& out, const char* key, const std::string& value, bool paragraph) {
    if (value.empty()) return;
    out << YAML::Key << key << YAML::Value;
    bool blank_start = value.front() == ' ' || value.front() == '\t' || value.front() == '\n';
    if (value.find('\n') == std::string::npos)
        out << value;
    else if (paragraph && !blank_start)
        out << YAML::Literal << value;
    else
        out << YAML::DoubleQuoted << value;
}

void put(YAML::Emitter& out, const char* key, const std::string& value) { put_text(out, key, value, false); }

// For the fields read by without_trailing_newlines().
void put_paragraph(YAML::Emitter& out, const char* key, const std::string& value) {
    put_text(out, key, value, true);
}

void put(YAML::Emitter& out, const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& value : values) out << value;
    out << YAML::EndSeq;
}

void put(YAML::Emitter& out, const char* key, const std::map<std::string, std::string>& values) {
    if (values.empty()) return;
    out << YAML::Key << key << YAML::Value << YAML::BeginMap;
    for (const auto& [name, value] : values) out << YAML::Key << name << YAML::Value << value;
    out << YAML::EndMap;
}

void put_number(YAML::Emitter& out, const char* key, int value) {
    out << YAML::Key << key << YAML::Value << value;
}

void render_evidence(YAML::Emitter& out, const Evidence& evidence) {
    out << YAML::BeginMap;
    put(out, "verdict", to_string(evidence.verdict));
    put(out, "binding", to_string(evidence.binding));
    put(out, "date", evidence.date);
    put(out, "tree", evidence.tree);
    put(out, "commit", evidence.commit);
    put(out, "config", evidence.config);
    put(out, "kernel", evidence.kernel);
    put(out, "tools", evidence.tools);
    put(out, "figures", evidence.figures);
    put(out, "artifacts", evidence.artifacts);
    if (!evidence.taken_on.empty()) {
        out << YAML::Key << "taken-on" << YAML::Value << YAML::BeginSeq;
        for (const auto& patch : evidence.taken_on) {
            out << YAML::BeginMap;
            put(out, "patch-id", patch.patch_id);
            put(out, "content", patch.content);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    put_paragraph(out, "forced", evidence.forced);
    out << YAML::EndMap;
}

void render_version(YAML::Emitter& out, const Version& version) {
    out << YAML::BeginMap;
    put(out, "version", version.name());
    put(out, "state", to_string(version.state));
    put(out, "patches", version.patches);
    if (!version.base.empty()) {
        out << YAML::Key << "base" << YAML::Value << YAML::BeginMap;
        put(out, "tree", version.base.tree);
        put(out, "upstream", version.base.upstream);
        put(out, "commit", version.base.commit);
        out << YAML::EndMap;
    }
    put(out, "cc", version.cc);
    if (!version.cover.subject.empty()) {
        out << YAML::Key << "cover" << YAML::Value << YAML::BeginMap;
        put(out, "subject", version.cover.subject);
        put_paragraph(out, "body", version.cover.body);
        put(out, "questions", version.cover.questions);
        out << YAML::EndMap;
    }
    if (!version.changelog.empty()) {
        out << YAML::Key << "changelog" << YAML::Value << YAML::BeginSeq;
        for (const auto& entry : version.changelog) {
            out << YAML::BeginMap;
            put_number(out, "patch", entry.patch);
            put_paragraph(out, "text", entry.text);
            put(out, "answers", entry.answers);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!version.reviews.empty()) {
        out << YAML::Key << "reviews" << YAML::Value << YAML::BeginSeq;
        for (const auto& review : version.reviews) {
            out << YAML::BeginMap;
            put(out, "id", review.id);
            put(out, "message-id", review.message_id);
            put(out, "author", review.author);
            put(out, "date", review.date);
            put_number(out, "patch", review.patch);
            put(out, "trailers", review.trailers);
            put_paragraph(out, "excerpt", review.excerpt);
            put(out, "addressed-in", review.addressed_in);
            put_paragraph(out, "note", review.note);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!version.gates.empty()) {
        out << YAML::Key << "gates" << YAML::Value << YAML::BeginMap;
        for (const auto& [gate, evidence] : version.gates) {
            out << YAML::Key << gate << YAML::Value;
            render_evidence(out, evidence);
        }
        out << YAML::EndMap;
    }
    if (version.sent) {
        const SentRecord& sent = *version.sent;
        out << YAML::Key << "sent" << YAML::Value << YAML::BeginMap;
        put(out, "date", sent.date);
        put(out, "cover", sent.cover);
        put(out, "link", sent.link);
        if (!sent.messages.empty()) {
            out << YAML::Key << "messages" << YAML::Value << YAML::BeginSeq;
            for (const auto& message : sent.messages) {
                out << YAML::Flow << YAML::BeginMap;
                put_number(out, "number", message.number);
                put(out, "message-id", message.message_id);
                put(out, "state", to_string(message.state));
                out << YAML::EndMap;
            }
            out << YAML::EndSeq;
        }
        put_paragraph(out, "forced", sent.forced);
        put(out, "overridden", sent.overridden);
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

}  // namespace

Series parse_series(const std::string& text, const std::string& file) {
    YAML::Node root = parse_yaml(text, file);
    YamlFields at(root, "", file);
    Series series;
    series.schema = at.integer("schema", 0, true);
    if (series.schema != schema_version)
        at.fail("schema", "this seriesctl reads schema " + std::to_string(schema_version) + ", the file says " +
                              std::to_string(series.schema));
    series.name = checked(at, "name", at.text("name"), name_shape, "a series name (a-z, 0-9, . _ -)");
    series.title = one_line(at, "title", at.text("title"));
    series.prefix = one_line(at, "prefix", at.text("prefix"));
    series.change_id = checked(at, "change-id", at.text("change-id"), change_id_shape,
                               "a b4 change-id (YYYYMMDD-slug-<12 hex>)");
    series.from = address_field(at, "from", at.text("from"));
    series.tree = one_line(at, "tree", at.text("tree"));
    series.targets = at.texts("targets");
    series.cc = address_list(at, "cc");
    series.required_gates = at.texts("required-gates");
    series.threading = enum_of<Threading>(at.choice("threading", {"previous-cover", "first-cover"}, "previous-cover"),
                                          {"previous-cover", "first-cover"});
    std::set<std::string> review_ids;
    at.each("versions", [&](const YamlFields& item) {
        series.versions.push_back(read_version(item, static_cast<int>(series.versions.size()) + 1, review_ids));
    });
    at.finish();
    return series;
}

std::string render_series(const Series& series) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    put_number(out, "schema", series.schema);
    put(out, "name", series.name);
    put(out, "title", series.title);
    put(out, "prefix", series.prefix);
    put(out, "change-id", series.change_id);
    put(out, "from", series.from);
    put(out, "tree", series.tree);
    put(out, "targets", series.targets);
    put(out, "cc", series.cc);
    put(out, "required-gates", series.required_gates);
    put(out, "threading", to_string(series.threading));
    if (!series.versions.empty()) {
        out << YAML::Key << "versions" << YAML::Value << YAML::BeginSeq;
        for (const auto& version : series.versions) render_version(out, version);
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    if (!out.good()) throw util::Error("internal: cannot render series " + series.name + ": " + out.GetLastError());
    return std::string(out.c_str(), out.size()) + "\n";
}

}  // namespace seriesctl::series
