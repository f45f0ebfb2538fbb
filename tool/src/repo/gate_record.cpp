#include "repo/gate_record.h"

#include "repo/series_file.h"

namespace seriesctl {

void record_gates(const Project& project, const std::string& series, const std::string& version,
                  const std::map<std::string, Evidence>& gates) {
    update_series_file(project.series_file(series), [&](Series& record) {
        Version& target = record.version(version);
        for (const auto& [name, evidence] : gates) target.gates[name] = evidence;
    });
}

}  // namespace seriesctl
