#include "watch/watch_report.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "mail/reply.h"
#include "series/table.h"
#include "util/clock.h"
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

std::string short_id(const std::string& commit) { return commit.substr(0, 12); }

std::string where(const DriftSpot& spot) {
    std::string text = "patch " + std::to_string(spot.patch) + "/" + std::to_string(spot.patches) + " \"" +
                       spot.subject + "\", " + spot.file;
    if (!spot.hunk.empty()) text += " at " + spot.hunk;
    return text;
}

std::string described(const git::CommitSummary& commit) {
    return short_id(commit.id) + " (\"" + commit.subject + "\", " + commit.author + ", " +
           util::iso8601_utc(commit.time).substr(0, 10) + ")";
}

// One entry per change: what the version does on the tree now, where, and
// the tree commit that made it so.
std::string render_drift(const DriftNews& news, const series::Painter& paint) {
    const TargetCheck& now = news.now;
    std::string head = now.series + " " + now.version + " on " + now.tree + " " + short_id(now.commit) + ": ";
    std::string was = news.before
                          ? " (was " + to_string(news.before->standing) + " at " + short_id(news.before->commit) + ")"
                          : " (first check of " + now.version + ")";
    std::string text;
    switch (now.standing) {
    case Standing::conflict:
        text =
            paint("ALARM", "1;31") + " " + head + "no longer applies" + was + ": " + where(news.spot) + ": conflict\n";
        break;
    case Standing::moved:
        text = paint("note", "33") + " " + head + "applies, but not cleanly" + was + ": " + where(news.spot) + ": " +
               news.spot.outcome + "\n";
        break;
    case Standing::clean: text = paint("note", "32") + " " + head + "applies cleanly again" + was + "\n"; break;
    }
    if (news.first)
        text += "  first at " + (now.standing == Standing::conflict ? std::string("upstream commit ") : "") +
                described(*news.first) + ", 1 of " + std::to_string(news.touching) + " commit" +
                (news.touching == 1 ? "" : "s") + " touching the series' files since the last check\n";
    else if (!news.unnamed.empty())
        text += "  " + news.unnamed + "\n";
    return text;
}

nlohmann::json check_json(const TargetCheck& check) {
    return {{"series", check.series},
            {"tree", check.tree},
            {"version", check.version},
            {"commit", check.commit},
            {"standing", to_string(check.standing)},
            {"checked", util::iso8601_utc(check.checked)}};
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
    if (!report.drift.news.empty()) {
        text += (text.empty() ? "" : "\n") + paint("drift", "33") + ": target trees that moved under a version:\n";
        for (const auto& news : report.drift.news) text += render_drift(news, paint);
    }
    for (const auto& note : report.notes) text += "note: " + note + "\n";
    for (const auto& note : report.drift.notes) text += "note: " + note + "\n";
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
    nlohmann::json drift = nlohmann::json::array();
    for (const auto& news : report.drift.news) {
        nlohmann::json item = check_json(news.now);
        if (news.before) item["before"] = check_json(*news.before);
        item["patch"] = news.spot.patch;
        item["patches"] = news.spot.patches;
        item["subject"] = news.spot.subject;
        item["file"] = news.spot.file;
        item["hunk"] = news.spot.hunk;
        item["outcome"] = news.spot.outcome;
        if (news.first)
            item["first"] = {{"commit", news.first->id},
                             {"subject", news.first->subject},
                             {"author", news.first->author},
                             {"date", util::iso8601_utc(news.first->time)}};
        item["touching"] = news.touching;
        if (!news.unnamed.empty()) item["unnamed"] = news.unnamed;
        drift.push_back(item);
    }
    nlohmann::json checked = nlohmann::json::array();
    for (const auto& check : report.drift.checked) checked.push_back(check_json(check));
    std::vector<std::string> notes = report.notes;
    notes.insert(notes.end(), report.drift.notes.begin(), report.drift.notes.end());
    return {
        {"new", report.news()},  {"drift", drift},           {"checked", checked},        {"replies", replies},
        {"radar", radar},        {"notes", notes},           {"threads", report.threads}, {"requests", report.requests},
        {"bytes", report.bytes}, {"seconds", report.seconds}};
}

}  // namespace seriesctl::watch
