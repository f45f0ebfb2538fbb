#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <curl/curl.h>

namespace seriesctl::http {

struct HttpSettings {
    long connect_timeout = 10;  ///< seconds
    long timeout = 60;          ///< seconds for the whole request
    int retries = 3;            ///< more tries after a 5xx or a connection error
    int retry_delay_ms = 1000;  ///< before the first retry; doubles each time
    /// A longer answer is cut off there and is an Error: a public-inbox
    /// thread or search answer is a few MB at most, a hostile one endless.
    uint64_t max_body_bytes = uint64_t{64} << 20;
};

struct HttpResponse {
    long status = 0;
    std::string body;           ///< as sent; an application/gzip body stays compressed
    std::optional<int64_t> date;  ///< the server's clock (Date header), epoch seconds
};

/// A URL as messages show it: a long search URL is cut, so an error stays one readable line.
std::string shown_url(const std::string& url);

/// HTTP over one libcurl handle, reused so that a poll's requests share a
/// connection: User-Agent "seriesctl/<version>", gzip transfer encoding,
/// timeouts, and retries with doubling delays on connection errors and 5xx
/// answers. Any other answer, 404 included, is the caller's to judge.
class HttpClient {
public:
    explicit HttpClient(HttpSettings settings);

    HttpResponse get(const std::string& url);
    /// A POST without a body (public-inbox takes the search in the URL).
    HttpResponse post(const std::string& url);

    /// Called before each retry with what went wrong ("HTTP 503"), for logs.
    std::function<void(const std::string& url, const std::string& what)> on_retry;

    size_t requests() const { return requests_; }
    uint64_t bytes_received() const { return bytes_; }  ///< headers and bodies, as they came over the wire

private:
    struct CurlCleanup {
        void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
    };
    struct SlistFree {
        void operator()(curl_slist* list) const { curl_slist_free_all(list); }
    };

    HttpResponse perform(const std::string& url, bool post);

    HttpSettings settings_;
    std::unique_ptr<CURL, CurlCleanup> curl_;
    std::unique_ptr<curl_slist, SlistFree> headers_;
    size_t requests_ = 0;
    uint64_t bytes_ = 0;
};

}  // namespace seriesctl::http
