#include "series/yaml_fields.h"

#include "util/error.h"
#include "util/printable.h"
#include "util/text.h"

#include <set>

namespace seriesctl::series {

namespace {

std::string place(const std::string& file, const YAML::Mark& mark) {
    if (mark.is_null()) return file;
    return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

}  // namespace

YAML::Node parse_yaml(const std::string& text, const std::string& file) {
    try {
        return YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        throw util::Error(place(file, e.mark) + ": " + e.msg);
    }
}

YamlFields::YamlFields(const YAML::Node& node, std::string path, const std::string& file)
    : node_(node), path_(std::move(path)), file_(file) {
    if (!node_.IsMap())
        fail_at(node_, path_.empty() ? "document" : path_, "expected a mapping of fields");
    refuse_repeated_keys(node_, path_);
}

// yaml-cpp keeps every copy of a key and a lookup finds one of them: the
// other value would be silently lost, and not written back.
void YamlFields::refuse_repeated_keys(const YAML::Node& map, const std::string& path) const {
    std::set<std::string> keys;
    for (const auto& entry : map) {
        if (!entry.first.IsScalar()) fail_at(entry.first, path.empty() ? "document" : path, "a key must be a word");
        if (!keys.insert(entry.first.Scalar()).second)
            fail_at(entry.first, (path.empty() ? "" : path + ".") + entry.first.Scalar(), "appears twice in one mapping");
    }
}

std::string YamlFields::field(const char* key) const {
    return path_.empty() ? key : path_ + "." + key;
}

void YamlFields::fail_at(const YAML::Node& at, const std::string& name, const std::string& message) const {
    throw util::Error(place(file_, at.Mark()) + ": " + name + ": " + message);
}

void YamlFields::fail(const char* key, const std::string& message) const {
    YAML::Node at = node_[key];
    fail_at(at ? at : node_, field(key), message);
}

// A scalar's text; NUL and the other control characters but tab, CR and LF
// cannot be written back (and a NUL ended the rendered file there).
std::string YamlFields::scalar(const YAML::Node& value, const std::string& name) const {
    const std::string& text = value.Scalar();
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            fail_at(value, name, "'" + util::printable(text) + "' contains a control character");
    return text;
}

YAML::Node YamlFields::get(const char* key) const {
    read_.insert(key);
    return node_[key];
}

bool YamlFields::has(const char* key) const { return static_cast<bool>(node_[key]); }

std::string YamlFields::text(const char* key) const {
    YAML::Node value = get(key);
    if (!value) fail_at(node_, field(key), "missing");
    if (!value.IsScalar()) fail_at(value, field(key), "expected a single value");
    std::string result = scalar(value, field(key));
    if (result.empty()) fail_at(value, field(key), "must not be empty");
    return result;
}

std::string YamlFields::optional_text(const char* key) const {
    YAML::Node value = get(key);
    if (!value || value.IsNull()) return "";
    if (!value.IsScalar()) fail_at(value, field(key), "expected a single value");
    return scalar(value, field(key));
}

int YamlFields::integer(const char* key, int fallback, bool required) const {
    YAML::Node value = get(key);
    if (!value) {
        if (required) fail_at(node_, field(key), "missing");
        return fallback;
    }
    if (!value.IsScalar()) fail_at(value, field(key), "expected a whole number");
    const std::string& text = value.Scalar();
    size_t used = 0;
    int number = 0;
    try {
        number = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || number < 0)
        fail_at(value, field(key), "'" + text + "' is not a whole number");
    return number;
}

std::vector<std::string> YamlFields::texts(const char* key) const {
    YAML::Node value = get(key);
    std::vector<std::string> result;
    if (!value || value.IsNull()) return result;
    if (!value.IsSequence()) fail_at(value, field(key), "expected a list");
    for (size_t i = 0; i < value.size(); ++i) {
        if (!value[i].IsScalar() || value[i].Scalar().empty())
            fail_at(value[i], field(key) + "[" + std::to_string(i) + "]", "expected a non-empty value");
        result.push_back(scalar(value[i], field(key) + "[" + std::to_string(i) + "]"));
    }
    return result;
}

std::string YamlFields::choice(const char* key, const std::vector<std::string>& allowed,
                               const std::string& fallback) const {
    if (!fallback.empty() && !has(key)) {
        read_.insert(key);
        return fallback;
    }
    std::string value = text(key);
    for (const auto& option : allowed)
        if (option == value) return value;
    fail_at(node_[key], field(key), "'" + value + "' is not one of " + util::joined(allowed, ", "));
}

void YamlFields::each(const char* key, const std::function<void(const YamlFields&)>& read) const {
    YAML::Node value = get(key);
    if (!value || value.IsNull()) return;
    if (!value.IsSequence()) fail_at(value, field(key), "expected a list");
    for (size_t i = 0; i < value.size(); ++i) {
        YamlFields item(value[i], field(key) + "[" + std::to_string(i) + "]", file_);
        read(item);
        item.finish();
    }
}

void YamlFields::each_entry(const char* key,
                            const std::function<void(const std::string&, const YamlFields&)>& read) const {
    YAML::Node value = get(key);
    if (!value || value.IsNull()) return;
    if (!value.IsMap()) fail_at(value, field(key), "expected a mapping");
    refuse_repeated_keys(value, field(key));
    for (const auto& entry : value) {
        std::string name = entry.first.Scalar();
        YamlFields item(entry.second, field(key) + "." + name, file_);
        read(name, item);
        item.finish();
    }
}

std::map<std::string, std::string> YamlFields::text_map(const char* key) const {
    YAML::Node value = get(key);
    std::map<std::string, std::string> result;
    if (!value || value.IsNull()) return result;
    if (!value.IsMap()) fail_at(value, field(key), "expected a mapping");
    refuse_repeated_keys(value, field(key));
    for (const auto& entry : value) {
        if (!entry.second.IsScalar())
            fail_at(entry.second, field(key) + "." + entry.first.Scalar(), "expected a single value");
        result[entry.first.Scalar()] = scalar(entry.second, field(key) + "." + entry.first.Scalar());
    }
    return result;
}

YamlFields YamlFields::child(const char* key) const {
    YAML::Node value = get(key);
    if (!value) fail_at(node_, field(key), "missing");
    return YamlFields(value, field(key), file_);
}

void YamlFields::finish() const {
    for (const auto& entry : node_) {
        std::string key = entry.first.Scalar();
        if (!read_.count(key)) fail_at(entry.first, field(key.c_str()), "unknown field");
    }
}

}  // namespace seriesctl::series
