#pragma once

#include <optional>
#include <string>

namespace seriesctl::mail {

/// The Message-Ids of one version's mails, in b4's form
/// `<{YYYYMMDD}-{slug}-v{N}-{n}-{hash}@{domain}>`: the date is the day the
/// version is sent, the slug the change-id without its date and hash, `n`
/// the mail's number (0 = cover), and `hash` 12 random hex digits so that
/// nobody can predict (and pre-empt) the ids.
struct MessageIdTemplate {
    std::string date;    ///< YYYYMMDD
    std::string slug;    ///< "vb2-release-fence"
    int revision = 1;
    std::string hash;    ///< 12 lower-case hex digits
    std::string domain;  ///< the sender's mail domain

    /// The id of mail `number`, without <>.
    std::string id(int number) const;
};

/// The template for version `revision` of the series with `change_id`
/// (b4's `YYYYMMDD-slug-<12 hex>`), sent on `date` (YYYYMMDD) by
/// `sender_email`. An ill-formed change-id or address is an Error.
MessageIdTemplate make_message_id_template(const std::string& change_id, int revision, const std::string& date,
                                           const std::string& hash, const std::string& sender_email);

/// The template an id made by MessageIdTemplate::id came from (a resumed
/// send goes on with the ids it started with); nullopt for any other id.
std::optional<MessageIdTemplate> parse_message_id_template(const std::string& id);

}  // namespace seriesctl::mail
