#include "analyse/lava_log.h"

#include <yaml-cpp/yaml.h>

#include <sstream>

#include "util/error.h"

namespace seriesctl::analyse {

namespace {

std::string scalar(const YAML::Node& map, const char* key) {
    const YAML::Node value = map[key];
    return value && value.IsScalar() ? value.Scalar() : "";
}

}  // namespace

std::string LavaLog::result_of(const std::string& definition, const std::string& test_case) const {
    for (const auto& result : results)
        if (result.definition == definition && result.test_case == test_case) return result.result;
    return "";
}

LavaLog parse_lava_log(const std::string& text, const std::string& where) {
    LavaLog log;
    std::istringstream lines(text);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        std::string record = line.rfind("- {", 0) == 0 ? line.substr(2) : line;
        if (record.rfind('{', 0) != 0) {
            if (!line.empty()) log.other_lines.push_back(line);
            continue;
        }
        YAML::Node node;
        try {
            node = YAML::Load(record);
        } catch (const YAML::Exception& e) {
            throw util::Error(where + ":" + std::to_string(number) + ": not a LAVA log record: " + e.msg);
        }
        if (!node.IsMap() || !node["lvl"] || !node["msg"])
            throw util::Error(where + ":" + std::to_string(number) + ": a LAVA log record without lvl and msg");
        std::string level = scalar(node, "lvl");
        const YAML::Node msg = node["msg"];
        // "feedback" is the console read between actions: the line that
        // ended a monitor can land there.
        if ((level == "target" || level == "feedback") && msg.IsScalar()) {
            log.console += msg.Scalar() + "\n";
        } else if (level == "results" && msg.IsMap()) {
            LavaResult result{scalar(msg, "definition"), scalar(msg, "case"), scalar(msg, "result")};
            if (result.definition == "lava" && result.test_case == "job") {
                log.job_result = result.result;
                std::string type = scalar(msg, "error_type"), message = scalar(msg, "error_msg");
                if (!message.empty()) log.error = type.empty() ? message : type + ": " + message;
            }
            log.results.push_back(std::move(result));
        }
    }
    return log;
}

}  // namespace seriesctl::analyse
