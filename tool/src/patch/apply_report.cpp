#include "patch/apply_report.h"

#include <cstdlib>

namespace seriesctl::patch {

Outcome worst(Outcome a, Outcome b) { return a < b ? b : a; }

Outcome PatchReport::outcome() const {
    Outcome result = Outcome::clean;
    for (const auto& file : files) result = worst(result, file.outcome);
    return result;
}

int PatchReport::offset() const {
    int largest = 0;
    for (const auto& file : files)
        for (const auto& hunk : file.hunks)
            if (hunk.outcome != Outcome::conflict && std::abs(hunk.offset) > std::abs(largest)) largest = hunk.offset;
    return largest;
}

int PatchReport::fuzz() const {
    int largest = 0;
    for (const auto& file : files)
        for (const auto& hunk : file.hunks)
            if (hunk.outcome != Outcome::conflict && hunk.fuzz > largest) largest = hunk.fuzz;
    return largest;
}

bool TreeReport::applies() const {
    if (!missing.empty()) return false;
    for (const auto& patch : patches)
        if (patch.outcome() == Outcome::conflict) return false;
    return true;
}

std::string to_string(Outcome outcome) {
    switch (outcome) {
    case Outcome::clean: return "clean";
    case Outcome::offset: return "offset";
    case Outcome::fuzz: return "fuzz";
    case Outcome::merged: return "3-way";
    case Outcome::conflict: return "conflict";
    }
    return "?";
}

std::string summary(const PatchReport& patch) {
    Outcome outcome = patch.outcome();
    if (outcome == Outcome::offset) return "offset " + std::to_string(patch.offset());
    if (outcome == Outcome::fuzz) return "fuzz " + std::to_string(patch.fuzz());
    return to_string(outcome);
}

}  // namespace seriesctl::patch
