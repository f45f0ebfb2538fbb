#include "patch/diffstat.h"

#include <algorithm>
#include <map>


namespace seriesctl::patch {

namespace {

struct FileChange {
    int added = 0;
    int deleted = 0;
    bool binary = false;
};

// Display width of UTF-8 text: code points (paths are nearly always ASCII).
int width_of(const std::string& text) {
    int width = 0;
    for (unsigned char c : text)
        if ((c & 0xc0) != 0x80) ++width;
    return width;
}

int decimal_width(int value) {
    int width = 1;
    while (value >= 10) value /= 10, ++width;
    return width;
}

// git's scale_linear(): at least one column for any change.
int scale_linear(int it, int width, int max_change) {
    if (it == 0) return 0;
    return 1 + (it * (width - 1) / max_change);
}

std::string plural(int count, const char* one, const char* many) {
    return std::to_string(count) + (count == 1 ? one : many);
}

}  // namespace

std::string shortlog(const std::vector<PatchFile>& patches) {
    std::vector<std::pair<std::string, std::vector<std::string>>> authors;
    for (const auto& patch : patches) {
        std::string name = patch.author.name.empty() ? patch.author.email : patch.author.name;
        auto it = std::find_if(authors.begin(), authors.end(), [&](const auto& a) { return a.first == name; });
        if (it == authors.end()) it = authors.insert(authors.end(), std::pair{name, std::vector<std::string>{}});
        it->second.push_back(patch.summary);
    }
    std::string out;
    for (const auto& [name, summaries] : authors) {
        out += name + " (" + std::to_string(summaries.size()) + "):\n";
        for (const auto& summary : summaries) out += "      " + summary + "\n";
        out += "\n";
    }
    if (!out.empty()) out.pop_back();
    return out;
}

std::string diffstat(const std::vector<PatchFile>& patches) {
    std::map<std::string, FileChange> files;
    for (const auto& patch : patches)
        for (const auto& file : patch.files) {
            FileChange& change = files[file.path()];
            change.binary = change.binary || file.binary;
            for (const auto& hunk : file.hunks)
                for (const auto& line : hunk.lines) {
                    if (line.starts_with("+")) ++change.added;
                    else if (line.starts_with("-")) ++change.deleted;
                }
        }
    // The layout of git's show_stats() for a 72-column mail.
    const int width = 72;
    int max_change = 0, max_len = 0;
    bool any_binary = false;
    for (const auto& [path, change] : files) {
        max_change = std::max(max_change, change.added + change.deleted);
        max_len = std::max(max_len, width_of(path));
        any_binary = any_binary || change.binary;
    }
    int number_width = decimal_width(max_change);
    if (any_binary) number_width = std::max(number_width, 3);
    int graph_width = max_change;
    int name_width = max_len;
    if (name_width + number_width + 6 + graph_width > width) {
        if (graph_width > width * 3 / 8 - number_width - 6) {
            graph_width = width * 3 / 8 - number_width - 6;
            if (graph_width < 6) graph_width = 6;
        }
        if (name_width > width - number_width - 6 - graph_width)
            name_width = width - number_width - 6 - graph_width;
        else
            graph_width = width - number_width - 6 - name_width;
    }

    std::string out;
    int insertions = 0, deletions = 0;
    for (const auto& [path, change] : files) {
        std::string name = path, prefix;
        if (width_of(name) > name_width) {
            // Keep the tail of the path, as git does, behind "...".
            size_t keep = static_cast<size_t>(std::max(name_width - 3, 0));
            name = name.substr(name.size() - keep);
            if (auto slash = name.find('/'); slash != std::string::npos) name = name.substr(slash);
            prefix = "...";
        }
        int padding = name_width - width_of(prefix + name);
        out += " " + prefix + name + std::string(static_cast<size_t>(std::max(padding, 0)), ' ') + " |";
        if (change.binary) {
            out += " Bin\n";
            continue;
        }
        int total = change.added + change.deleted;
        std::string count = std::to_string(total);
        out += " " + std::string(static_cast<size_t>(number_width - static_cast<int>(count.size())), ' ') + count;
        int add = change.added, del = change.deleted;
        if (graph_width <= max_change) {
            int scaled = scale_linear(total, graph_width, max_change);
            if (scaled < 2 && add && del) scaled = 2;
            if (add < del) {
                add = scale_linear(add, graph_width, max_change);
                del = scaled - add;
            } else {
                del = scale_linear(del, graph_width, max_change);
                add = scaled - del;
            }
        }
        if (total) out += " " + std::string(static_cast<size_t>(add), '+') + std::string(static_cast<size_t>(del), '-');
        out += "\n";
        insertions += change.added;
        deletions += change.deleted;
    }
    out += " " + plural(static_cast<int>(files.size()), " file changed", " files changed");
    if (insertions || !deletions) out += ", " + plural(insertions, " insertion(+)", " insertions(+)");
    if (deletions || !insertions) out += ", " + plural(deletions, " deletion(-)", " deletions(-)");
    return out + "\n";
}

}  // namespace seriesctl::patch
