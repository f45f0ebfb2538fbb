#include "archive/tar_reader.h"

#include <archive_entry.h>

#include "util/error.h"

namespace seriesctl::archive {

TarReader::TarReader(const std::filesystem::path& archive_path)
    : path_(archive_path), archive_(archive_read_new(), &archive_read_free) {
    if (!archive_) throw util::Error("libarchive cannot start reading " + path_.string());
    archive_read_support_filter_all(archive_.get());
    archive_read_support_format_tar(archive_.get());
    archive_read_support_format_gnutar(archive_.get());
    if (archive_read_open_filename(archive_.get(), path_.c_str(), 1 << 20) != ARCHIVE_OK)
        throw util::Error("cannot open " + path_.string() + ": " + archive_error_string(archive_.get()));
}

std::optional<TarEntry> TarReader::next() {
    archive_entry* raw = nullptr;
    int rc = archive_read_next_header(archive_.get(), &raw);
    if (rc == ARCHIVE_EOF) return std::nullopt;
    if (rc < ARCHIVE_WARN)
        throw util::Error(path_.string() + ": damaged archive: " + archive_error_string(archive_.get()));
    TarEntry entry;
    const char* path = archive_entry_pathname_utf8(raw);
    if (!path) path = archive_entry_pathname(raw);
    entry.path = path ? path : "";
    if (entry.path.rfind("./", 0) == 0) entry.path.erase(0, 2);
    entry.mode = archive_entry_perm(raw);
    entry.mtime = archive_entry_mtime(raw);
    if (const char* link = archive_entry_hardlink(raw)) {
        entry.kind = TarEntry::Kind::hardlink;
        entry.target = link;
        if (entry.target.rfind("./", 0) == 0) entry.target.erase(0, 2);
        return entry;
    }
    switch (archive_entry_filetype(raw)) {
    case AE_IFREG: entry.kind = TarEntry::Kind::file; break;
    case AE_IFDIR: entry.kind = TarEntry::Kind::directory; break;
    case AE_IFLNK:
        entry.kind = TarEntry::Kind::symlink;
        entry.target = archive_entry_symlink(raw) ? archive_entry_symlink(raw) : "";
        break;
    default: entry.kind = TarEntry::Kind::other; break;
    }
    return entry;
}

std::string TarReader::read_data() {
    std::string data;
    char buffer[1 << 16];
    for (;;) {
        la_ssize_t n = archive_read_data(archive_.get(), buffer, sizeof buffer);
        if (n < 0) throw util::Error(path_.string() + ": damaged archive: " + archive_error_string(archive_.get()));
        if (n == 0) break;
        data.append(buffer, static_cast<size_t>(n));
    }
    return data;
}

}  // namespace seriesctl::archive
