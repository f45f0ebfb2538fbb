#include "analyse/fence_probe.h"

#include <algorithm>
#include <regex>
#include <sstream>

namespace seriesctl::analyse {

FenceProbeResult parse_fence_probe(const std::string& text) {
    static const std::string prefix = "fence-probe: ";
    static const std::regex summary(
        R"(summary jobs=(\d+) fenced=(\d+) unsignalled-in-flight=(\d+) signalled-done=(\d+) stub=(\d+) errors=(\d+))");
    static const std::regex job(R"(job \d+ phase=in-flight driver=(\S*) )");
    FenceProbeResult result;
    bool summary_seen = false;
    std::istringstream in(text);
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind(prefix, 0) != 0) continue;
        std::string fact = line.substr(prefix.size());
        if (std::regex_search(fact, m, summary)) {
            summary_seen = true;
            result.jobs = std::stoi(m[1]);
            result.fenced = std::stoi(m[2]);
            result.unsignalled_in_flight = std::stoi(m[3]);
            result.signalled_done = std::stoi(m[4]);
            result.stub = std::stoi(m[5]);
            result.errors = std::stoi(m[6]);
        } else if (fact.rfind("verdict ", 0) == 0) {
            result.verdict = fact.substr(8);
        } else if (fact.rfind("device ", 0) == 0) {
            result.device = fact.substr(7);
        } else if (fact.rfind("error ", 0) == 0) {
            result.error_lines.push_back(fact.substr(6));
        } else if (fact.rfind("job ", 0) == 0) {
            result.job_lines.push_back(fact);
            if (std::regex_search(fact, m, job) &&
                std::find(result.drivers.begin(), result.drivers.end(), m[1].str()) == result.drivers.end())
                result.drivers.push_back(m[1]);
        }
    }
    result.complete = summary_seen && !result.verdict.empty();
    return result;
}

}  // namespace seriesctl::analyse
