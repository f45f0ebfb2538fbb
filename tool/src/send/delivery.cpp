#include "send/delivery.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>

#include "config/lore_config.h"
#include "http/http_client.h"
#include "lore/lore_query.h"
#include "proc/send_email.h"
#include "repo/series_file.h"
#include "util/atomic_file.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/random_hex.h"
#include "util/xdg.h"

namespace fs = std::filesystem;

namespace seriesctl::send {

namespace {

const series::SentMessage* recorded(const series::Version& version, int number) {
    if (!version.sent) return nullptr;
    for (const auto& message : version.sent->messages)
        if (message.number == number) return &message;
    return nullptr;
}

void record_message(const fs::path& file, const std::string& version, const mail::OutgoingMail& mail,
                    series::MessageState state) {
    repo::update_series_file(file, [&](series::Series& series) {
        series::Version& at = series.version(version);
        auto& messages = at.sent->messages;
        auto found = std::find_if(messages.begin(), messages.end(),
                                  [&](const series::SentMessage& message) { return message.number == mail.number; });
        if (found == messages.end())
            found = messages.insert(messages.end(), series::SentMessage{mail.number, mail.message_id, state});
        found->message_id = mail.message_id;
        found->state = state;
    });
}

// Whether the archive has the message: it was accepted by the server
// before an interrupted send could record so.
bool archive_has(http::HttpClient& http, const config::LoreConfig& lore, const std::string& message_id) {
    std::string url = lore::raw_message_url(lore.archive(), message_id);
    http::HttpResponse response = http.get(url);
    if (response.status == 200) return true;
    if (response.status == 404 || response.status == 410) return false;
    throw util::Error(http::shown_url(url) + ": HTTP " + std::to_string(response.status) +
                "; cannot tell whether an interrupted send delivered " + message_id);
}

// send-email dates a mail with a second while it runs: start the next one
// in a later second than the one the previous run ended in, so every mail
// of the thread is dated after the one before.
void wait_for_second_after(int64_t previous_end) {
    while (static_cast<int64_t>(std::time(nullptr)) <= previous_end)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

void write_mbox(SendOutcome& outcome, const SendRequest& request) {
    const VersionMails& prepared = outcome.prepared;
    outcome.mbox = !request.output.empty() ? request.output
                                           : util::cache_dir() / "send" / prepared.at_hand.series.name /
                                                 (prepared.at_hand.version().name() + ".mbox");
    if (outcome.mbox.has_parent_path()) fs::create_directories(outcome.mbox.parent_path());
    util::write_file_atomically(outcome.mbox, mail::render_mbox(prepared.mails));
}

}  // namespace

mail::MessageIdTemplate message_ids_for(const series::Series& series, const series::Version& version) {
    if (version.sent)
        for (const auto& message : version.sent->messages)
            if (auto ids = mail::parse_message_id_template(message.message_id); ids && ids->revision == version.number)
                return *ids;
    mail::Address sender = mail::parse_address(series.from, nullptr);
    return mail::make_message_id_template(series.change_id, version.number,
                                          util::format_utc(std::time(nullptr), "%Y%m%d"), util::random_hex(6),
                                          sender.email);
}

SendOutcome send_version(const repo::Project& project, const config::TreeConfig& trees, const config::LoreConfig& lore,
                         const SendRequest& request,
                         const std::function<void(const std::string&)>& progress) {
    if (request.force && request.reason.empty())
        throw util::Error("--force needs --reason \"…\": the reason is recorded in the series file");
    repo::VersionAtHand at_hand = repo::load_version_at_hand(project, request.series, request.version);
    const std::string series_name = at_hand.series.name;
    const std::string version_name = at_hand.version().name();
    const fs::path file = project.series_file(series_name);
    if (!request.dry_run && (at_hand.version().state == series::VersionState::sent ||
                             at_hand.version().state == series::VersionState::superseded))
        throw util::Error(file.string() + ": " + version_name + " is " + to_string(at_hand.version().state) +
                    " already (cover " + at_hand.version().sent->cover + "); nothing to send");
    mail::MessageIdTemplate ids = message_ids_for(at_hand.series, at_hand.version());

    SendOutcome outcome;
    outcome.prepared =
        prepare_version_mails(project, trees, lore, std::move(at_hand), ids, std::time(nullptr), progress);
    const VersionMails& prepared = outcome.prepared;
    if (request.dry_run) {
        write_mbox(outcome, request);
        outcome.refused = !prepared.blockers.empty();
        return outcome;
    }
    if (!prepared.blockers.empty() && !request.force) {
        outcome.refused = true;
        return outcome;
    }

    repo::update_series_file(file, [&](series::Series& series) {
        series::Version& version = series.version(version_name);
        version.state = series::VersionState::sending;
        if (!version.sent) version.sent = series::SentRecord{};
        version.sent->date = util::now_iso8601();
        if (!prepared.blockers.empty()) {
            version.sent->forced = request.reason;
            version.sent->overridden = prepared.blockers;
        }
    });

    http::HttpClient http({lore.connect_timeout, lore.timeout, lore.retries, lore.retry_delay_ms});
    fs::path outbox = util::cache_dir() / "send" / series_name / version_name;
    fs::create_directories(outbox);
    const series::Version& before = prepared.at_hand.version();
    const size_t total = prepared.mails.size() - 1;
    int64_t previous_end = 0;
    for (const auto& mail : prepared.mails) {
        std::string which = std::to_string(mail.number) + "/" + std::to_string(total);
        const series::SentMessage* earlier = recorded(before, mail.number);
        if (earlier && earlier->state == series::MessageState::accepted) {
            outcome.skipped.push_back(mail.number);
            continue;
        }
        if (earlier) {
            progress("looking up " + which + " on " + lore.archive());
            if (archive_has(http, lore, mail.message_id)) {
                record_message(file, version_name, mail, series::MessageState::accepted);
                outcome.skipped.push_back(mail.number);
                continue;
            }
        }
        fs::path mail_file = outbox / (std::to_string(mail.number) + ".eml");
        util::write_file_atomically(mail_file, mail::render_mail(mail, mail::WithRecipients::no));
        record_message(file, version_name, mail, series::MessageState::attempted);
        wait_for_second_after(previous_end);
        progress("git send-email " + which + " <" + mail.message_id + ">");
        try {
            proc::git_send_email(mail_file, prepared.at_hand.series.from, mail.recipients);
        } catch (const util::Error& e) {
            throw util::Error(std::string(e.what()) + " (mail " + which + "; " +
                        std::to_string(outcome.delivered.size() + outcome.skipped.size()) +
                        " accepted, recorded in " + file.string() + "; send again to deliver the rest)");
        }
        previous_end = std::time(nullptr);
        record_message(file, version_name, mail, series::MessageState::accepted);
        outcome.delivered.push_back(mail.number);
    }

    const std::string cover_id = prepared.mails.front().message_id;
    repo::update_series_file(file, [&](series::Series& series) {
        series::Version& version = series.version(version_name);
        version.state = series::VersionState::sent;
        version.sent->date = util::now_iso8601();
        version.sent->cover = cover_id;
        version.sent->link = lore::message_url(lore.archive(), cover_id);
    });
    return outcome;
}

}  // namespace seriesctl::send
