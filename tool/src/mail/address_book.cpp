#include "mail/address_book.h"
#include "util/text.h"

#include <algorithm>
#include <sstream>

namespace seriesctl::mail {

namespace {

// The "Name <a@b>" pairs of one .mailmap line, in order (comments dropped).
std::vector<Address> mailmap_pairs(std::string line) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::vector<Address> pairs;
    size_t start = 0;
    while (true) {
        size_t open = line.find('<', start);
        size_t close = open == std::string::npos ? open : line.find('>', open);
        if (close == std::string::npos) break;
        std::string name = line.substr(start, open - start);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        pairs.push_back({name, line.substr(open + 1, close - open - 1)});
        start = close + 1;
    }
    return pairs;
}

}  // namespace

AddressBook::AddressBook(std::string_view mailmap, std::string_view maintainers) {
    std::istringstream lines{std::string(mailmap)};
    for (std::string line; std::getline(lines, line);) {
        auto pairs = mailmap_pairs(line);
        if (pairs.size() == 2) mailmap_.push_back({pairs[0], pairs[1]});
    }
    std::istringstream entries{std::string(maintainers)};
    for (std::string line; std::getline(entries, line);) {
        if (line.size() < 3 || line[1] != ':' || (line[0] != 'M' && line[0] != 'R' && line[0] != 'L')) continue;
        std::string value = line.substr(2);
        value.erase(0, value.find_first_not_of(" \t"));
        if (line[0] == 'L') {
            lists_.push_back(util::lowercase(value.substr(0, value.find_first_of(" \t"))));
            continue;
        }
        std::string why;
        Address person = parse_address(value, &why);
        if (!person.email.empty() && !person.name.empty()) people_.push_back(person);
    }
}

bool AddressBook::is_list(const Address& address) const {
    return std::find(lists_.begin(), lists_.end(), address.key()) != lists_.end();
}

std::optional<Address> AddressBook::current(const Address& address) const {
    for (const auto& entry : mailmap_) {
        if (entry.commit.key() != address.key()) continue;
        if (!entry.commit.name.empty() && util::lowercase(entry.commit.name) != util::lowercase(address.name)) continue;
        if (entry.proper.email.empty() || entry.proper.key() == address.key()) continue;
        return Address{entry.proper.name.empty() ? address.name : entry.proper.name, entry.proper.email};
    }
    if (address.name.empty()) return std::nullopt;
    std::vector<Address> known;
    for (const auto& person : people_) {
        if (util::lowercase(person.name) != util::lowercase(address.name)) continue;
        if (person.key() == address.key()) return std::nullopt;
        if (std::none_of(known.begin(), known.end(), [&](const Address& a) { return a.key() == person.key(); }))
            known.push_back(person);
    }
    if (known.size() != 1) return std::nullopt;
    return known.front();
}

}  // namespace seriesctl::mail
