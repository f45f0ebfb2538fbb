#include "http/http_client.h"

#include <chrono>
#include <thread>

#include "util/error.h"

namespace seriesctl::http {

namespace {

// curl_global_init is not thread-safe and must run once, before any handle.
struct CurlGlobal {
    CurlGlobal() {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw util::Error("cannot initialise libcurl");
    }
    ~CurlGlobal() { curl_global_cleanup(); }
};

void init_curl_once() { static CurlGlobal global; }

// The body so far and its limit; a write past the limit stops the transfer.
struct BodySink {
    std::string* body;
    uint64_t limit;
    bool cut_off = false;
};

size_t append_body(char* data, size_t size, size_t count, void* out) {
    auto* sink = static_cast<BodySink*>(out);
    if (sink->body->size() + size * count > sink->limit) {
        sink->cut_off = true;
        return 0;  // CURLE_WRITE_ERROR
    }
    sink->body->append(data, size * count);
    return size * count;
}

size_t read_header(char* data, size_t size, size_t count, void* out) {
    std::string_view line(data, size * count);
    if (line.size() > 5 && (line.substr(0, 5) == "Date:" || line.substr(0, 5) == "date:")) {
        std::string value(line.substr(5));
        time_t when = curl_getdate(value.c_str(), nullptr);
        if (when != -1) *static_cast<std::optional<int64_t>*>(out) = static_cast<int64_t>(when);
    }
    return size * count;
}

bool worth_retrying(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
            return true;
        default:
            return false;
    }
}

}  // namespace

std::string shown_url(const std::string& url) {
    const size_t limit = 120;
    if (url.size() <= limit) return url;
    return url.substr(0, limit) + "…";
}

HttpClient::HttpClient(HttpSettings settings) : settings_(settings) {
    init_curl_once();
    curl_.reset(curl_easy_init());
    if (!curl_) throw util::Error("cannot create a libcurl handle");
    headers_.reset(curl_slist_append(nullptr, "Accept: */*"));
    CURL* curl = curl_.get();
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "seriesctl/" SERIESCTL_VERSION);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers_.get());
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, settings_.connect_timeout);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings_.timeout);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_header);
}

HttpResponse HttpClient::get(const std::string& url) { return perform(url, false); }
HttpResponse HttpClient::post(const std::string& url) { return perform(url, true); }

HttpResponse HttpClient::perform(const std::string& url, bool post) {
    CURL* curl = curl_.get();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    if (post) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 0L);
    } else {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    }
    int delay_ms = settings_.retry_delay_ms;
    for (int attempt = 1;; ++attempt) {
        HttpResponse response;
        char error[CURL_ERROR_SIZE] = "";
        BodySink sink{&response.body, settings_.max_body_bytes};
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.date);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
        CURLcode code = curl_easy_perform(curl);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
        ++requests_;
        curl_off_t body_bytes = 0;
        long header_bytes = 0;
        curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
        curl_easy_getinfo(curl, CURLINFO_HEADER_SIZE, &header_bytes);
        bytes_ += static_cast<uint64_t>(body_bytes) + static_cast<uint64_t>(header_bytes);
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);

        if (sink.cut_off)
            throw util::Error(shown_url(url) + ": the answer is longer than " +
                              std::to_string(settings_.max_body_bytes >> 20) + " MiB; cut off");
        std::string what;
        bool retry = false;
        if (code != CURLE_OK) {
            what = *error ? error : curl_easy_strerror(code);
            retry = worth_retrying(code);
        } else if (response.status >= 500) {
            what = "HTTP " + std::to_string(response.status);
            retry = true;
        } else {
            return response;
        }
        std::string tries = std::to_string(attempt) + (attempt == 1 ? " try" : " tries");
        if (!retry) throw util::Error(shown_url(url) + ": " + what);
        if (attempt > settings_.retries)
            throw util::Error(shown_url(url) + ": " + what + " (gave up after " + tries + ")");
        if (on_retry) on_retry(url, what);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        delay_ms *= 2;
    }
}

}  // namespace seriesctl::http
