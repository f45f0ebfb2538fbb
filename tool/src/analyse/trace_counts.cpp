#include "analyse/trace_counts.h"

#include <regex>
#include <set>
#include <sstream>
#include <tuple>

namespace seriesctl::analyse {

namespace {

// "task-pid [cpu] <irq flags> time: event: fields"; the flags column is
// optional (trace-cmd without -l, older kernels).
const std::regex event_line(R"(^\s*(.+)-(\d+)\s+(?:\(\s*[-\d]+\)\s+)?\[(\d+)\]\s+(?:[^\s\[\]]{4,5}\s+)?(\d+\.\d+):\s+(\w+):\s?(.*)$)");

// Fields "a=1 b=x" and "a = 1, b = x" (vb2 events use the second form).
std::map<std::string, std::string> parse_fields(const std::string& text) {
    static const std::regex field(R"((\w+)\s?=\s?([^\s,]*))");
    std::map<std::string, std::string> fields;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), field); it != std::sregex_iterator(); ++it)
        fields[(*it)[1]] = (*it)[2];
    return fields;
}

std::string field(const TraceEvent& event, const std::string& name) {
    auto it = event.fields.find(name);
    return it == event.fields.end() ? "" : it->second;
}

}  // namespace

std::vector<TraceEvent> parse_trace(const std::string& text) {
    std::vector<TraceEvent> events;
    std::istringstream in(text);
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#' || !std::regex_match(line, m, event_line)) continue;
        TraceEvent event;
        event.task = m[1];
        event.pid = std::stoi(m[2]);
        event.cpu = std::stoi(m[3]);
        event.time = std::stod(m[4]);
        event.name = m[5];
        event.fields = parse_fields(m[6]);
        events.push_back(std::move(event));
    }
    return events;
}

size_t TraceBalance::count(const std::string& event) const {
    auto it = counts.find(event);
    return it == counts.end() ? 0 : it->second;
}

std::vector<std::string> TraceBalance::problems() const {
    std::vector<std::string> out;
    if (fences_unsignalled > in_flight_allowed)
        out.push_back(std::to_string(fences_unsignalled) + " fences initialised but never signalled (" +
                      std::to_string(in_flight_allowed) + " may be in flight)");
    if (waits_not_ended > in_flight_allowed)
        out.push_back(std::to_string(waits_not_ended) + " fence waits started but never ended");
    if (buffers_not_done > in_flight_allowed)
        out.push_back(std::to_string(buffers_not_done) + " vb2 buffers queued to the driver but never done (" +
                      std::to_string(in_flight_allowed) + " may be in flight)");
    if (signalled_twice > 0) out.push_back(std::to_string(signalled_twice) + " fences signalled twice");
    return out;
}

TraceBalance balance_trace(const std::vector<TraceEvent>& events, size_t in_flight_allowed) {
    using FenceKey = std::pair<std::string, std::string>;                      // context, seqno
    using BufferKey = std::tuple<std::string, std::string, std::string>;       // owner, type, index
    std::set<FenceKey> unsignalled, alive, signalled;
    std::map<FenceKey, size_t> waiting;
    std::map<BufferKey, size_t> with_driver;
    TraceBalance balance;
    balance.in_flight_allowed = in_flight_allowed;
    for (const auto& event : events) {
        ++balance.counts[event.name];
        FenceKey fence{field(event, "context"), field(event, "seqno")};
        BufferKey buffer{field(event, "owner"), field(event, "type"), field(event, "index")};
        if (event.name == "dma_fence_init") {
            unsignalled.insert(fence);
            alive.insert(fence);
            signalled.erase(fence);
        } else if (event.name == "dma_fence_signaled") {
            if (!signalled.insert(fence).second) ++balance.signalled_twice;
            unsignalled.erase(fence);
        } else if (event.name == "dma_fence_destroy") {
            alive.erase(fence);
        } else if (event.name == "dma_fence_wait_start") {
            ++waiting[fence];
        } else if (event.name == "dma_fence_wait_end") {
            if (waiting[fence] > 0) --waiting[fence];
        } else if (event.name == "vb2_buf_queue") {
            ++with_driver[buffer];
        } else if (event.name == "vb2_buf_done") {
            if (with_driver[buffer] > 0) --with_driver[buffer];
        }
    }
    balance.fences_unsignalled = unsignalled.size();
    balance.fences_not_destroyed = alive.size();
    for (const auto& [key, open] : waiting) balance.waits_not_ended += open;
    for (const auto& [key, open] : with_driver) balance.buffers_not_done += open;
    return balance;
}

size_t queued_buffers(const std::vector<TraceEvent>& events) {
    std::set<std::tuple<std::string, std::string, std::string>> buffers;
    for (const auto& event : events)
        if (event.name == "vb2_buf_queue")
            buffers.emplace(field(event, "owner"), field(event, "type"), field(event, "index"));
    return buffers.size();
}

}  // namespace seriesctl::analyse
