#include "git/fast_import.h"

#include "util/error.h"

namespace seriesctl::git {

namespace {

std::string data_command(const std::string& data) { return "data " + std::to_string(data.size()) + "\n" + data + "\n"; }

std::string quoted_path(const std::string& path) {
    // fast-import takes a path as is unless it starts with '"' or has LF.
    if (path.find_first_of("\"\n") == std::string::npos) return path;
    std::string out = "\"";
    for (char c : path) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

}  // namespace

FastImport::FastImport(const std::filesystem::path& git_dir)
    : process_(proc::Command{{"git", "--git-dir=" + git_dir.string(), "fast-import", "--quiet", "--done"}},
               proc::Subprocess::Stdin::pipe) {}

void FastImport::send(const std::string& text) {
    buffer_ += text;
    if (buffer_.size() >= (1u << 20)) {
        process_.write(buffer_);
        buffer_.clear();
    }
}

long FastImport::blob(const std::string& data) {
    long mark = next_mark_++;
    send("blob\nmark :" + std::to_string(mark) + "\n" + data_command(data));
    return mark;
}

long FastImport::commit(const std::string& ref, const Identity& who, const std::string& message,
                        const std::vector<FileEntry>& files) {
    long mark = next_mark_++;
    std::string text = "commit " + ref + "\nmark :" + std::to_string(mark) + "\n";
    std::string person = who.name + " <" + who.email + "> " + std::to_string(who.time) + " +0000\n";
    text += "author " + person + "committer " + person + data_command(message);
    for (const auto& file : files) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%o", file.mode);
        text += std::string("M ") + mode + " :" + std::to_string(file.mark) + " " + quoted_path(file.path) + "\n";
    }
    send(text + "\n");
    return mark;
}

void FastImport::finish() {
    send("done\n");
    process_.write(buffer_);
    buffer_.clear();
    proc::ProcessResult result = process_.wait();
    if (!result.ok()) throw util::Error("git fast-import failed: " + result.tail(3));
}

}  // namespace seriesctl::git
