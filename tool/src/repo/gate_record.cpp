#include "repo/gate_record.h"

#include "repo/series_file.h"

namespace seriesctl::repo {

void record_gates(const Project& project, const std::string& series, const std::string& version,
                  const std::map<std::string, series::Evidence>& gates) {
    update_series_file(project.series_file(series), [&](series::Series& record) {
        series::Version& target = record.version(version);
        for (const auto& [name, evidence] : gates) target.gates[name] = evidence;
    });
}

}  // namespace seriesctl::repo
