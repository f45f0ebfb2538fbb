#include "watch/lore_archive.h"

#include "lore/lore_query.h"
#include "mail/mbox.h"
#include "util/error.h"
#include "util/gzip.h"

namespace seriesctl::watch {

LoreArchive::LoreArchive(std::string archive, http::HttpClient& http) : archive_(std::move(archive)), http_(http) {}

std::vector<mail::Mail> LoreArchive::read_mbox(const http::HttpResponse& response, const std::string& url) {
    if (response.date) server_time_ = response.date;
    std::string where = http::shown_url(url);
    std::vector<mail::Mail> mails;
    size_t number = 0;
    for (const auto& message : mail::split_mboxrd(util::gunzip(response.body, where), where))
        mails.push_back(mail::parse_mail(message.text, where + ": message " + std::to_string(++number), message.line));
    return mails;
}

std::optional<std::vector<mail::Mail>> LoreArchive::thread(const std::string& message_id) {
    std::string url = lore::thread_mbox_url(archive_, message_id);
    http::HttpResponse response = http_.get(url);
    if (response.status == 404) return std::nullopt;
    if (response.status != 200) throw util::Error(http::shown_url(url) + ": HTTP " + std::to_string(response.status));
    return read_mbox(response, url);
}

std::vector<mail::Mail> LoreArchive::search(const std::string& query) {
    std::string url = lore::search_mbox_url(archive_, query);
    http::HttpResponse response = http_.post(url);
    // public-inbox answers a search that finds nothing with this 404; any
    // other 404 means the archive or inbox is not there.
    if (response.status == 404 && response.body.starts_with("No results found")) {
        if (response.date) server_time_ = response.date;
        return {};
    }
    if (response.status != 200)
        throw util::Error(http::shown_url(url) + ": HTTP " + std::to_string(response.status) +
                    (response.status == 404 ? " (is this a public-inbox archive with search, and the inbox right?)" : ""));
    return read_mbox(response, url);
}

}  // namespace seriesctl::watch
