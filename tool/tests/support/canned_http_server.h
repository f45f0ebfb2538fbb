#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include "util/unique_fd.h"

namespace seriesctl::test {

/// A loopback HTTP server answering every request with the same bytes. It
/// stands in for the failures a real public-inbox-httpd cannot be made to
/// give on demand: HTTP 500s, a gzip body cut short.
class CannedHttpServer {
public:
    /// `response` is the whole answer: status line, headers, body.
    explicit CannedHttpServer(std::string response);
    ~CannedHttpServer();
    CannedHttpServer(const CannedHttpServer&) = delete;
    CannedHttpServer& operator=(const CannedHttpServer&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    size_t requests() const { return requests_; }
    std::string last_request() const;

    /// "HTTP/1.1 <status>" with a body and its Content-Length.
    static std::string response(const std::string& status, const std::string& content_type, const std::string& body);

private:
    void serve();

    std::string response_;
    util::UniqueFd listener_;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<size_t> requests_{0};
    mutable std::mutex mutex_;
    std::string last_request_;
    std::thread thread_;
};

}  // namespace seriesctl::test
