#pragma once

#include <map>
#include <string>
#include <vector>

namespace seriesctl::analyse {

/// One ftrace event line, as tracefs `trace` and `trace-cmd report` print it:
/// `task-pid [cpu] flags time: event: fields`.
struct TraceEvent {
    std::string task;
    int pid = 0;
    int cpu = 0;
    double time = 0;
    std::string name;                           ///< "dma_fence_init"
    std::map<std::string, std::string> fields;  ///< "context" → "5"; both "k=v" and "k = v" forms
};

/// The events of a trace; header, comment and other lines are skipped.
std::vector<TraceEvent> parse_trace(const std::string& text);

/// What the trace shows about fences and vb2 buffers, and whether it
/// balances: every fence initialised is signalled, every wait that started
/// ended, every buffer queued to a driver came back done, except what was
/// still in flight when tracing stopped (at most the queue depth).
struct TraceBalance {
    std::map<std::string, size_t> counts;  ///< event name → how often, for every event seen
    size_t fences_unsignalled = 0;  ///< initialised, never signalled
    size_t fences_not_destroyed = 0;  ///< initialised, still referenced at stop (not an error)
    size_t waits_not_ended = 0;
    size_t buffers_not_done = 0;  ///< vb2_buf_queue without a later vb2_buf_done of that buffer
    size_t signalled_twice = 0;   ///< dma_fence_signaled twice for one fence: always wrong
    size_t in_flight_allowed = 0;

    size_t count(const std::string& event) const;
    /// The verdict; `problems()` says why it is false.
    bool balanced() const { return problems().empty(); }
    std::vector<std::string> problems() const;
};

/// Balances the dma_fence/* and vb2/* events of a trace. Fences are told
/// apart by (context, seqno), buffers by (owner, type, index) of the vb2
/// events. `in_flight_allowed` is how many fences and buffers may still be
/// open at stop (the queue depth of the workload; 0 when it finished).
TraceBalance balance_trace(const std::vector<TraceEvent>& events, size_t in_flight_allowed);

/// How many distinct buffers (owner, type, index) the trace queued: a
/// workload stopped while streaming may leave at most that many fences and
/// buffers open.
size_t queued_buffers(const std::vector<TraceEvent>& events);

}  // namespace seriesctl::analyse
