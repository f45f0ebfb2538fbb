#include "watch/watch_report.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "mail/reply.h"
#include "series/table.h"
#include "util/text.h"

namespace seriesctl::watch {

namespace {

std::vector<lore::NewReply> in_order(std::vector<lore::NewReply> replies) {
    std::stable_sort(replies.begin(), replies.end(), [](const lore::NewReply& a, const lore::NewReply& b) {
        auto number = [](const std::string& version) { return std::stoi(version.substr(1)); };
        return std::tuple(a.series, number(a.version), a.review.patch, a.review.date) <
               std::tuple(b.series, number(b.version), b.review.patch, b.review.date);
    });
    return replies;
}

std::string figures(const WatchReport& report) {
    char text[160];
    std::snprintf(text, sizeof text, "watched %zu thread%s: %zu request%s, %llu bytes, %.0f ms", report.threads,
                  report.threads == 1 ? "" : "s", report.requests, report.requests == 1 ? "" : "s",
                  static_cast<unsigned long long>(report.bytes), report.seconds * 1000);
    return text;
}

}  // namespace

std::string render_watch_text(const WatchReport& report, const series::Painter& paint) {
    std::string text;
    if (!report.replies.empty()) {
        series::Table table({"SERIES", "VERSION", "PATCH", "REVIEW", "FROM", "DATE", "TRAILERS", "SAYS"});
        for (const auto& reply : in_order(report.replies))
            table.add({reply.series, reply.version,
                       reply.review.patch == 0 ? "cover" : std::to_string(reply.review.patch), reply.review.id,
                       reply.review.author, reply.review.date.substr(0, 10),
                       paint(mail::trailer_kinds(reply.review.trailers), "32"),
                       series::cut_to_width(reply.review.excerpt, 60)});
        text += paint("new replies", "1") + " (stored as reviews, not yet addressed):\n" + table.render();
    }
    if (!report.radar.empty()) {
        series::Table table({"SUBJECT", "FROM", "DATE", "TOUCHES", "LINK"});
        for (const auto& hit : report.radar)
            table.add({series::cut_to_width(hit.subject, 70), hit.author, hit.date.substr(0, 10),
                       util::joined({hit.files.begin(), hit.files.end()}, ", "), hit.link});
        text += (text.empty() ? "" : "\n") + paint("radar", "33") +
                ": other series touching our files (rebase risk):\n" + table.render();
    }
    for (const auto& note : report.notes) text += "note: " + note + "\n";
    if (!report.news()) text += "nothing new\n";
    return text + figures(report) + "\n";
}

nlohmann::json render_watch_json(const WatchReport& report) {
    nlohmann::json replies = nlohmann::json::array();
    for (const auto& reply : in_order(report.replies))
        replies.push_back({{"series", reply.series},
                           {"version", reply.version},
                           {"id", reply.review.id},
                           {"message_id", reply.review.message_id},
                           {"subject", reply.subject},
                           {"author", reply.review.author},
                           {"date", reply.review.date},
                           {"patch", reply.review.patch},
                           {"trailers", reply.review.trailers},
                           {"excerpt", reply.review.excerpt}});
    nlohmann::json radar = nlohmann::json::array();
    for (const auto& hit : report.radar)
        radar.push_back({{"root", hit.root},
                         {"subject", hit.subject},
                         {"author", hit.author},
                         {"date", hit.date},
                         {"link", hit.link},
                         {"files", hit.files},
                         {"series", hit.series}});
    return {{"new", report.news()},     {"replies", replies},       {"radar", radar},
            {"notes", report.notes},    {"threads", report.threads}, {"requests", report.requests},
            {"bytes", report.bytes},    {"seconds", report.seconds}};
}

}  // namespace seriesctl::watch
