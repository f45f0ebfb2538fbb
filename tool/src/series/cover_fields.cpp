#include "series/cover_fields.h"

#include <yaml-cpp/yaml.h>

#include "series/yaml_fields.h"

namespace seriesctl::series {

std::string cover_fields_yaml(const Cover& cover) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "subject" << YAML::Value << YAML::DoubleQuoted << cover.subject;
    out << YAML::Key << "body" << YAML::Value << YAML::Literal << (cover.body + "\n");
    out << YAML::Key << "questions" << YAML::Value << YAML::BeginSeq;
    for (const auto& question : cover.questions) out << YAML::DoubleQuoted << question;
    out << YAML::EndSeq << YAML::EndMap;
    return "# The cover letter's free text. Everything else in it comes from the records.\n" +
           std::string(out.c_str()) + "\n";
}

Cover parse_cover_fields(const std::string& text, const std::string& file) {
    YAML::Node root = parse_yaml(text, file);
    YamlFields at(root, "", file);
    Cover cover;
    cover.subject = at.text("subject");
    if (cover.subject.find_first_of("\r\n") != std::string::npos) at.fail("subject", "must be one line");
    if (cover.subject.find_first_not_of(" \t") == std::string::npos) at.fail("subject", "is empty");
    cover.body = at.optional_text("body");
    while (!cover.body.empty() && cover.body.back() == '\n') cover.body.pop_back();
    cover.questions = at.texts("questions");
    at.finish();
    return cover;
}

}  // namespace seriesctl::series
