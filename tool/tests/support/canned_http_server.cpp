#include "support/canned_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace seriesctl::test {

CannedHttpServer::CannedHttpServer(std::string response) : response_(std::move(response)) {
    listener_ = util::UniqueFd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in where{};
    where.sin_family = AF_INET;
    where.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof where;
    if (!listener_ || ::bind(listener_.get(), reinterpret_cast<sockaddr*>(&where), sizeof where) != 0 ||
        ::listen(listener_.get(), 16) != 0 ||
        ::getsockname(listener_.get(), reinterpret_cast<sockaddr*>(&where), &size) != 0)
        throw std::runtime_error("cannot listen on 127.0.0.1");
    port_ = ntohs(where.sin_port);
    thread_ = std::thread([this] { serve(); });
}

CannedHttpServer::~CannedHttpServer() {
    stop_ = true;
    thread_.join();
}

std::string CannedHttpServer::last_request() const {
    std::lock_guard lock(mutex_);
    return last_request_;
}

std::string CannedHttpServer::response(const std::string& status, const std::string& content_type,
                                       const std::string& body) {
    return "HTTP/1.1 " + status + "\r\nContent-Type: " + content_type + "\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

void CannedHttpServer::serve() {
    while (!stop_) {
        pollfd waiting{listener_.get(), POLLIN, 0};
        if (::poll(&waiting, 1, 50) <= 0) continue;
        util::UniqueFd client(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!client) continue;
        std::string request;
        char buffer[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
            ssize_t n = ::read(client.get(), buffer, sizeof buffer);
            if (n <= 0) break;
            request.append(buffer, static_cast<size_t>(n));
        }
        {
            std::lock_guard lock(mutex_);
            last_request_ = request;
        }
        ++requests_;
        std::string_view rest = response_;
        while (!rest.empty()) {
            ssize_t n = ::send(client.get(), rest.data(), rest.size(), MSG_NOSIGNAL);
            if (n <= 0) break;
            rest.remove_prefix(static_cast<size_t>(n));
        }
    }
}

}  // namespace seriesctl::test
