#include "config/lore_config.h"

#include <regex>

#include "series/yaml_fields.h"

namespace seriesctl::config {

namespace {

int positive(const series::YamlFields& at, const char* key, int current) {
    int value = at.integer(key, current);
    if (value == 0) at.fail(key, "must be more than 0");
    return value;
}

}  // namespace

std::string LoreConfig::archive() const { return url + "/" + inbox; }

LoreConfig parse_lore_config(const std::string& text, const std::string& file, LoreConfig config) {
    YAML::Node root = series::parse_yaml(text, file);
    if (!root || root.IsNull()) return config;
    series::YamlFields at(root, "", file);
    static const std::regex url_shape(R"(https?://[^\s/]+(/[^\s]*)?)");
    if (at.has("url")) {
        config.url = at.text("url");
        while (config.url.ends_with("/")) config.url.pop_back();
        if (!std::regex_match(config.url, url_shape)) at.fail("url", "'" + config.url + "' is not an http(s) URL");
    }
    if (at.has("inbox")) config.inbox = at.text("inbox");
    if (at.has("timeouts")) {
        series::YamlFields timeouts = at.child("timeouts");
        config.connect_timeout = positive(timeouts, "connect", config.connect_timeout);
        config.timeout = positive(timeouts, "total", config.timeout);
        timeouts.finish();
    }
    config.retries = at.integer("retries", config.retries);
    config.retry_delay_ms = at.integer("retry-delay-ms", config.retry_delay_ms);
    config.poll_interval = positive(at, "poll-interval", config.poll_interval);
    config.overlap = at.integer("overlap", config.overlap);
    config.radar_days = positive(at, "radar-days", config.radar_days);
    at.finish();
    return config;
}

}  // namespace seriesctl::config
