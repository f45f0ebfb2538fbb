#include "cli/review_report.h"

#include "mail/reply.h"
#include "series/table.h"

namespace seriesctl::cli {

namespace {

std::string patch_text(int patch) { return patch == 0 ? "cover" : std::to_string(patch); }

}  // namespace

std::string render_reviews_text(const ReviewListing& listing, const series::Painter& paint) {
    series::Table table({"ID", "VERSION", "PATCH", "FROM", "DATE", "TRAILERS", "SAYS", "STATE"});
    size_t open = 0;
    for (const series::Version* version : listing.versions)
        for (const auto& review : version->reviews) {
            std::string state = review.addressed_in.empty()
                                    ? paint("open", "33")
                                    : paint("addressed in " + review.addressed_in, "32") +
                                          (review.note.empty() ? "" : ": " + series::cut_to_width(review.note, 50));
            if (review.addressed_in.empty()) ++open;
            table.add({review.id, version->name(), patch_text(review.patch), review.author, review.date.substr(0, 10),
                       mail::trailer_kinds(review.trailers), series::cut_to_width(review.excerpt, 50), state});
        }
    if (table.empty()) return "no reviews recorded\n";
    return table.render() + std::to_string(open) + " open\n";
}

nlohmann::json render_reviews_json(const ReviewListing& listing) {
    nlohmann::json out;
    out["series"] = listing.series->name;
    out["reviews"] = nlohmann::json::array();
    for (const series::Version* version : listing.versions)
        for (const auto& review : version->reviews) {
            nlohmann::json item = {{"id", review.id},
                                   {"version", version->name()},
                                   {"patch", review.patch},
                                   {"author", review.author},
                                   {"date", review.date},
                                   {"trailers", review.trailers},
                                   {"excerpt", review.excerpt},
                                   {"addressed", !review.addressed_in.empty()}};
            if (!review.message_id.empty()) item["message_id"] = review.message_id;
            if (!review.addressed_in.empty()) item["addressed_in"] = review.addressed_in;
            if (!review.note.empty()) item["note"] = review.note;
            out["reviews"].push_back(item);
        }
    return out;
}

}  // namespace seriesctl::cli
