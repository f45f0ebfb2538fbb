#include "send/version_mails.h"

#include "config/lore_config.h"
#include "config/tree_config.h"
#include "lore/lore_query.h"
#include "mail/address_book.h"
#include "proc/get_maintainer.h"
#include "series/send_gate.h"
#include "tree/series_tree.h"
#include "tree/tree_access.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/xdg.h"

namespace fs = std::filesystem;

namespace seriesctl::send {

namespace {

series::BaseDeclaration declare_base(const config::TreeSpec& tree, const tree::TreeStore& store,
                                     const series::Version& version) {
    series::BaseDeclaration base;
    switch (tree.kind) {
    case config::TreeSpec::Kind::tarball:
        // The import is a local commit nobody else has: name the public
        // release it equals instead of mailing its id.
        base.based_on = version.base.upstream;
        break;
    case config::TreeSpec::Kind::remote:
        base.base_commit = version.base.commit;
        break;
    case config::TreeSpec::Kind::series: {
        tree::SeriesTreeBase declared = tree::series_tree_base(store, tree.name);
        base.base_commit = declared.base_commit;
        base.prerequisite_patch_ids = declared.prerequisite_patch_ids;
        break;
    }
    }
    return base;
}

// The cover a version's cover answers: the previous one, or v1's.
std::string thread_parent(const series::Series& series, const series::Version& version) {
    if (version.number < 2) return "";
    const series::Version& parent = series.threading == series::Threading::first_cover
                                ? series.versions.front()
                                : series.versions[static_cast<size_t>(version.number - 2)];
    return parent.sent ? parent.sent->cover : "";
}

std::string yaml_place(const series::Series& series, const std::string& field) {
    return "series/" + series.name + ".yaml: " + field;
}

}  // namespace

std::string version_link(const config::LoreConfig& lore, const series::Version& version) {
    if (!version.sent || version.sent->cover.empty()) return "";
    if (!version.sent->link.empty()) return version.sent->link;
    return lore::message_url(lore.archive(), version.sent->cover);
}

series::CoverFacts cover_facts(const repo::Project& project, const config::TreeConfig& trees,
                               const config::LoreConfig& lore, const repo::VersionAtHand& at_hand) {
    const series::Series& series = at_hand.series;
    const series::Version& version = at_hand.version();
    series::CoverFacts facts;
    facts.gates = series::gate_statuses(series, version,
                                        repo::current_content(project, series, at_hand.patches,
                                                              repo::cached_base_standing(trees, series, version).tip));
    facts.base =
        declare_base(config::find_tree(trees, series.tree_of(version)), tree::TreeStore(util::cache_dir()), version);
    if (version.number > 1)
        facts.previous_link = version_link(lore, series.versions[static_cast<size_t>(version.number - 2)]);
    return facts;
}

std::string cover_subject(const repo::VersionAtHand& at_hand) {
    const series::Version& version = at_hand.version();
    return mail::subject_prefix(at_hand.series.prefix, version.number, 0, static_cast<int>(at_hand.patches.size())) +
           " " + (version.cover.subject.empty() ? at_hand.series.title : version.cover.subject);
}

std::string cover_text(const repo::Project& project, const repo::VersionAtHand& at_hand,
                       const series::CoverFacts& facts) {
    fs::path file = project.root() / "templates" / "cover.mustache";
    return series::render_cover(util::read_file(file), file.string(), at_hand.series, at_hand.version(),
                                at_hand.patches, facts);
}

VersionMails prepare_version_mails(const repo::Project& project, const config::TreeConfig& trees,
                                   const config::LoreConfig& lore, repo::VersionAtHand at_hand,
                                   const mail::MessageIdTemplate& ids, int64_t date,
                                   const std::function<void(const std::string&)>& progress) {
    VersionMails out;
    out.at_hand = std::move(at_hand);
    out.ids = ids;
    const series::Series& series = out.at_hand.series;
    const series::Version& version = out.at_hand.version();
    const auto& patches = out.at_hand.patches;

    series::CoverFacts facts = cover_facts(project, trees, lore, out.at_hand);
    out.blockers = series::send_blockers(series, version, facts.gates);
    mail::Address sender = mail::recipient(series.from, yaml_place(series, "from"));

    tree::TreeCheckout tree = tree::checkout_tree(config::find_tree(trees, series.tree_of(version)),
                                                  tree::TreeStore(util::cache_dir()), progress);
    mail::AddressBook book(fs::exists(tree.dir / ".mailmap") ? util::read_file(tree.dir / ".mailmap") : "",
                     util::read_file(tree.dir / "MAINTAINERS"));

    // Per patch: what the tree's get_maintainer.pl says.
    std::vector<mail::Recipients> per_patch;
    mail::RecipientSet lists;
    std::vector<fs::path> files;
    for (const auto& patch : patches) files.push_back(project.root() / patch.name);
    progress("get_maintainer.pl on " + std::to_string(files.size()) + " patches (" + tree.name + ")");
    for (const auto& found : proc::run_get_maintainer(tree.dir, files)) {
        mail::Recipients recipients;
        recipients.to.add_all(found.to);
        recipients.cc.add_all(found.cc);
        for (const auto& address : found.cc)
            if (book.is_list(address)) lists.add(address);
        per_patch.push_back(recipients);
    }

    // The extra Cc, each checked against the tree's address records.
    mail::RecipientSet extra;
    auto add_extra = [&](const std::vector<std::string>& cc, const std::string& field) {
        for (size_t i = 0; i < cc.size(); ++i) {
            mail::Address address = mail::recipient(cc[i], yaml_place(series, field + "[" + std::to_string(i) + "]"));
            if (auto current = book.current(address)) {
                out.corrections.push_back(address.formatted() + " is " + current->formatted() + " in " + tree.name +
                                          "'s .mailmap/MAINTAINERS; using that");
                address = *current;
            }
            if (book.is_list(address)) lists.add(address);
            extra.add(address);
        }
    };
    add_extra(series.cc, "cc");
    add_extra(version.cc, "versions[" + version.name() + "].cc");
    for (const auto& earlier : series.versions) {
        if (earlier.number >= version.number) break;
        for (const auto& review : earlier.reviews)
            extra.add(mail::recipient(review.author, yaml_place(series, "versions[" + earlier.name() + "].reviews[" +
                                                                  review.id + "].author")));
    }

    mail::OutgoingMail cover;
    cover.number = 0;
    cover.from = sender.formatted();
    cover.subject = cover_subject(out.at_hand);
    cover.content_headers = {{"MIME-Version", "1.0"},
                             {"Content-Type", "text/plain; charset=utf-8"},
                             {"Content-Transfer-Encoding", "8bit"}};
    cover.body = cover_text(project, out.at_hand, facts);
    for (const auto& recipients : per_patch) {
        cover.recipients.to.add_all(recipients.to.addresses());
        cover.recipients.cc.add_all(recipients.cc.addresses());
    }
    cover.recipients.cc.add_all(extra.addresses());
    out.mails.push_back(cover);

    for (size_t i = 0; i < patches.size(); ++i) {
        const patch::PatchFile& patch = patches[i];
        std::string text = util::read_file(project.root() / patch.name);
        mail::OutgoingMail mail;
        mail.number = static_cast<int>(i + 1);
        const mail::MailHeader* from = mail::find_header(patch.headers, "From");
        mail.from = from ? from->value : sender.formatted();
        mail.subject =
            mail::subject_prefix(series.prefix, version.number, mail.number, static_cast<int>(patches.size())) + " " +
            patch.summary;
        for (const char* name : {"MIME-Version", "Content-Type", "Content-Transfer-Encoding"})
            if (const mail::MailHeader* header = mail::find_header(patch.headers, name))
                mail.content_headers.push_back(*header);
        mail.body = text.substr(mail::body_start(text));
        mail.recipients = per_patch[i];
        mail.recipients.cc.add_all(lists.addresses());
        out.mails.push_back(mail);
    }

    for (auto& mail : out.mails) {
        mail.message_id = ids.id(mail.number);
        mail.date = date + mail.number;
        mail.recipients.settle(sender);
    }
    mail::thread_mails(out.mails, thread_parent(series, version));
    return out;
}

}  // namespace seriesctl::send
