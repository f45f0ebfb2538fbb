#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "send/delivery.h"
#include "util/error.h"

namespace seriesctl::cli {

namespace {

struct SendOptions {
    std::string series;
    std::string version;
    bool dry_run = false;
    bool force = false;
    std::string reason;
    std::string output;
};

std::vector<std::string> formatted(const mail::RecipientSet& set) {
    std::vector<std::string> out;
    for (const auto& address : set.addresses()) out.push_back(address.formatted());
    return out;
}

nlohmann::json outcome_json(const send::SendOutcome& outcome, bool dry_run) {
    const send::VersionMails& prepared = outcome.prepared;
    nlohmann::json out = {{"series", prepared.at_hand.series.name},
                          {"version", prepared.at_hand.version().name()},
                          {"dry_run", dry_run},
                          {"refused", outcome.refused},
                          {"blockers", prepared.blockers},
                          {"corrections", prepared.corrections},
                          {"delivered", outcome.delivered},
                          {"skipped", outcome.skipped}};
    if (!outcome.mbox.empty()) out["mbox"] = outcome.mbox.string();
    out["mails"] = nlohmann::json::array();
    for (const auto& mail : prepared.mails)
        out["mails"].push_back({{"number", mail.number},
                                {"message_id", mail.message_id},
                                {"subject", mail.subject},
                                {"in_reply_to", mail.in_reply_to},
                                {"references", mail.references},
                                {"to", formatted(mail.recipients.to)},
                                {"cc", formatted(mail.recipients.cc)}});
    return out;
}

void print_thread(const send::VersionMails& prepared) {
    for (const auto& mail : prepared.mails) {
        std::cout << (mail.number ? "  " : "") << mail.subject << "\n";
        std::string indent = mail.number ? "      " : "    ";
        std::cout << indent << "Message-Id: <" << mail.message_id << ">\n";
        if (!mail.in_reply_to.empty()) std::cout << indent << "In-Reply-To: <" << mail.in_reply_to << ">\n";
        for (const auto& address : mail.recipients.to.addresses())
            std::cout << indent << "To: " << address.formatted() << "\n";
        for (const auto& address : mail.recipients.cc.addresses())
            std::cout << indent << "Cc: " << address.formatted() << "\n";
    }
}

void run(const SendOptions& options, Context& context) {
    const repo::Project& project = context.project();
    send::SendRequest request{project.resolve_series(options.series), options.version, options.dry_run, options.force,
                        options.reason, options.output};
    send::SendOutcome outcome;
    {
        Progress progress;
        outcome = send::send_version(project, context.trees(), context.lore(), request,
                               [&](const std::string& what) { progress.update(what); });
    }
    if (outcome.refused) context.exit_status = util::exit_findings;
    const send::VersionMails& prepared = outcome.prepared;
    if (context.options.json) {
        std::cout << outcome_json(outcome, options.dry_run).dump(2) << "\n";
        return;
    }
    const std::string name = prepared.at_hand.series.name + " " + prepared.at_hand.version().name();
    for (const auto& correction : prepared.corrections) std::cout << "note: " << correction << "\n";
    if (options.dry_run || !outcome.refused) print_thread(prepared);
    if (!prepared.blockers.empty()) {
        std::cout << context.paint(outcome.refused ? "not ready to send" : "sent with --force over", "31") << ":\n";
        for (const auto& blocker : prepared.blockers) std::cout << "  - " << blocker << "\n";
    }
    if (options.dry_run) {
        std::cout << name << ": " << prepared.mails.size() << " mails written to " << outcome.mbox.string()
                  << "; nothing sent\n";
    } else if (outcome.refused) {
        std::cout << name << ": nothing sent (--force --reason \"…\" overrides, and records why)\n";
    } else {
        std::cout << name << ": " << outcome.delivered.size() << " mails delivered";
        if (!outcome.skipped.empty()) std::cout << ", " << outcome.skipped.size() << " accepted before";
        std::cout << "; cover <" << prepared.mails.front().message_id << ">\n";
    }
}

}  // namespace

void setup_send(CLI::App& app, Context& context) {
    auto options = std::make_shared<SendOptions>();
    CLI::App* verb = app.add_subcommand(
        "send", "Cover, recipients and threading of a version, delivered with git send-email once its gates pass");
    add_version_options(verb, options->series, options->version);
    verb->add_flag("--dry-run", options->dry_run, "Write the mbox and show recipients and thread; send nothing");
    verb->add_option("--output", options->output, "With --dry-run: where the mbox goes (default: the cache)");
    verb->add_flag("--force", options->force, "Send although gates or reviews are open (needs --reason)");
    verb->add_option("--reason", options->reason, "Why --force: recorded in the series file");
    verb->callback([options, &context] { run(*options, context); });
}

}  // namespace seriesctl::cli
