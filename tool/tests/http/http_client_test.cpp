#include <gtest/gtest.h>

#include "http/http_client.h"
#include "support/canned_http_server.h"
#include "support/public_inbox.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::http;
using test::CannedHttpServer;

namespace {

HttpSettings quick() { return {2, 5, 2, 10}; }

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const util::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(HttpClient, SendsItsNameAndAsksForGzip) {
    CannedHttpServer server(CannedHttpServer::response("200 OK", "text/plain", "hello"));
    HttpClient http(quick());
    HttpResponse response = http.get(server.url() + "/all/x/t.mbox.gz");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "hello");
    std::string request = server.last_request();
    EXPECT_TRUE(request.starts_with("GET /all/x/t.mbox.gz HTTP/1.1\r\n")) << request;
    EXPECT_NE(request.find("User-Agent: seriesctl/" SERIESCTL_VERSION "\r\n"), std::string::npos) << request;
    EXPECT_NE(request.find("Accept-Encoding: gzip\r\n"), std::string::npos) << request;
    EXPECT_EQ(http.requests(), 1u);
    EXPECT_GT(http.bytes_received(), 5u);
}

TEST(HttpClient, PostsWithoutABody) {
    CannedHttpServer server(CannedHttpServer::response("404 Not Found", "text/plain", "No results found\n"));
    HttpClient http(quick());
    HttpResponse response = http.post(server.url() + "/all/?x=m&q=a");
    EXPECT_EQ(response.status, 404) << "a 404 is the caller's to judge";
    EXPECT_TRUE(server.last_request().starts_with("POST /all/?x=m&q=a HTTP/1.1\r\n"));
}

TEST(HttpClient, RetriesServerErrorsThenGivesUp) {
    CannedHttpServer server(CannedHttpServer::response("500 Internal Server Error", "text/plain", "boom"));
    HttpClient http(quick());
    std::vector<std::string> retries;
    http.on_retry = [&](const std::string&, const std::string& what) { retries.push_back(what); };
    EXPECT_EQ(error_of([&] { http.get(server.url() + "/x"); }),
              server.url() + "/x: HTTP 500 (gave up after 3 tries)");
    EXPECT_EQ(server.requests(), 3u);
    EXPECT_EQ(retries, (std::vector<std::string>{"HTTP 500", "HTTP 500"}));
}

TEST(HttpClient, RetriesWhenNobodyListens) {
    std::string url = "http://127.0.0.1:" + std::to_string(test::free_port()) + "/x";
    HttpClient http(quick());
    std::string error = error_of([&] { http.get(url); });
    EXPECT_TRUE(error.starts_with(url + ": Failed to connect to 127.0.0.1 port")) << error;
    EXPECT_TRUE(error.ends_with("(gave up after 3 tries)")) << error;
}

TEST(HttpClient, CutsLongUrlsInMessages) {
    std::string url = "http://h/?q=" + std::string(300, 'a');
    EXPECT_EQ(shown_url(url), url.substr(0, 120) + "…");
    EXPECT_EQ(shown_url("http://h/x"), "http://h/x");
}

TEST(HttpClient, AnAnswerLongerThanTheLimitIsCutOffAndNotRetried) {
    CannedHttpServer server(CannedHttpServer::response("200 OK", "application/gzip", std::string(3 << 20, 'x')));
    HttpSettings settings = quick();
    settings.max_body_bytes = 1 << 20;
    HttpClient http(settings);
    EXPECT_EQ(error_of([&] { http.get(server.url() + "/all/x/t.mbox.gz"); }),
              server.url() + "/all/x/t.mbox.gz: the answer is longer than 1 MiB; cut off");
    EXPECT_EQ(server.requests(), 1u);
}

TEST(HttpClient, AnAnswerAtTheLimitIsTakenWhole) {
    CannedHttpServer server(CannedHttpServer::response("200 OK", "text/plain", std::string(1 << 20, 'x')));
    HttpSettings settings = quick();
    settings.max_body_bytes = 1 << 20;
    HttpClient http(settings);
    EXPECT_EQ(http.get(server.url()).body.size(), size_t{1} << 20);
}
