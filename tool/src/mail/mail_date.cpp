#include "mail/mail_date.h"
#include "util/text.h"

#include <array>
#include <ctime>
#include <map>
#include <regex>

namespace seriesctl::mail {

namespace {

// RFC 5322's obsolete zone names, as old mailers still write them.
std::optional<int> named_zone(std::string name) {
    static const std::map<std::string, int> zones = {{"GMT", 0},      {"UT", 0},       {"UTC", 0},     {"Z", 0},
                                                     {"EST", -5 * 60}, {"EDT", -4 * 60}, {"CST", -6 * 60},
                                                     {"CDT", -5 * 60}, {"MST", -7 * 60}, {"MDT", -6 * 60},
                                                     {"PST", -8 * 60}, {"PDT", -7 * 60}};
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto zone = zones.find(name);
    if (zone == zones.end()) return std::nullopt;
    return zone->second;
}

}  // namespace

std::optional<MailDate> parse_mail_date_zone(std::string_view text) {
    static const std::regex shape(
        R"(\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([+-])(\d{2})(\d{2})|([A-Za-z]{1,3}))\s*(?:\(.*\))?\s*)");
    static const std::array<const char*, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_match(text.begin(), text.end(), match, shape)) return std::nullopt;
    std::string month = util::lowercase(match[2].str());
    int month_index = -1;
    for (size_t i = 0; i < months.size(); ++i)
        if (month == months[i]) month_index = static_cast<int>(i);
    if (month_index < 0) return std::nullopt;

    std::tm local{};
    local.tm_mday = std::stoi(match[1]);
    local.tm_mon = month_index;
    local.tm_year = std::stoi(match[3]) - 1900;
    local.tm_hour = std::stoi(match[4]);
    local.tm_min = std::stoi(match[5]);
    local.tm_sec = match[6].matched ? std::stoi(match[6]) : 0;
    if (local.tm_mday < 1 || local.tm_mday > 31 || local.tm_hour > 23 || local.tm_min > 59 || local.tm_sec > 60)
        return std::nullopt;
    MailDate date;
    if (match[7].matched) {
        date.offset = (match[7] == "-" ? -1 : 1) * (std::stoi(match[8]) * 60 + std::stoi(match[9]));
    } else {
        auto zone = named_zone(match[10]);
        if (!zone) return std::nullopt;
        date.offset = *zone;
    }
    // The fields are the local time of that zone: read as UTC, then moved back.
    date.time = static_cast<int64_t>(timegm(&local)) - date.offset * 60LL;
    return date;
}

std::optional<int64_t> parse_mail_date(std::string_view text) {
    auto date = parse_mail_date_zone(text);
    if (!date) return std::nullopt;
    return date->time;
}

}  // namespace seriesctl::mail
