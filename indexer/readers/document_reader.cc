#include "indexer/readers/document_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

namespace himoya {

namespace {

namespace fs = std::filesystem;

bool skipped_dir(const std::string& name) {
    return name.empty() || name[0] == '.' || name == "schema" || name == "facts";
}

// What kind of file a non-regular, non-folder entry is, for the report.
const char* kind_of(fs::file_type type) {
    switch (type) {
        case fs::file_type::fifo: return "a FIFO";
        case fs::file_type::socket: return "a socket";
        case fs::file_type::block: return "a block device";
        case fs::file_type::character: return "a character device";
        default: return "not a regular file";
    }
}

// Folders inside folders deeper than this are not read (and reported): a
// guard against link structures that are not loops but never end.
constexpr int kMaxFolderDepth = 64;

// Lists one --corpus folder, following symbolic links, reporting every entry
// that cannot be read: an unreadable folder, a link loop, a dangling link, a
// FIFO/socket/device with a document's name (never opened: opening a FIFO
// would block). Hidden entries and schema/, facts/ are skipped by design.
struct CorpusWalk {
    const ReaderRegistry& registry;
    IngestReport& report;
    std::vector<std::string> files;
    // (device, inode) of the folders from the corpus root down to the one
    // being listed: a link back to one of them is a loop.
    std::vector<std::pair<dev_t, ino_t>> path;
    // Set for a confined folder: its canonical path and '/'; a symbolic link
    // must lead inside it.
    std::string root = {};

    void folder(const fs::path& dir, int depth) {
        struct stat st {};
        if (::stat(dir.c_str(), &st) != 0) {
            report.skip_entry(dir.string(), std::string("cannot read folder: ") + std::strerror(errno));
            return;
        }
        for (const auto& [dev, ino] : path) {
            if (dev == st.st_dev && ino == st.st_ino) {
                report.skip_entry(dir.string(), "symbolic link loop: leads back to a folder above it; not followed");
                return;
            }
        }
        if (depth > kMaxFolderDepth) {
            report.skip_entry(dir.string(), "folders nested deeper than " + std::to_string(kMaxFolderDepth) +
                                                " levels; not read");
            return;
        }
        std::error_code ec;
        fs::directory_iterator it(dir, ec);
        if (ec) {
            report.skip_entry(dir.string(), "cannot read folder: " + ec.message() + "; nothing in it indexed");
            return;
        }
        std::vector<fs::directory_entry> entries;
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            entries.push_back(*it);
        }
        if (ec) report.skip_entry(dir.string(), "cannot list folder to its end: " + ec.message());
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
        path.emplace_back(st.st_dev, st.st_ino);
        for (const auto& entry : entries) this->entry(entry.path(), depth);
        path.pop_back();
    }

    void entry(const fs::path& p, int depth) {
        const std::string name = p.filename().string();
        if (name.empty() || name[0] == '.') return;  // hidden: not part of the corpus
        std::error_code ec;
        fs::file_status status = fs::symlink_status(p, ec);
        if (ec) {
            report.skip_entry(p.string(), "cannot read: " + ec.message());
            return;
        }
        if (fs::is_symlink(status)) {
            if (!root.empty()) {
                std::error_code canon_ec;
                const std::string target = fs::canonical(p, canon_ec).string();
                if (!canon_ec && target.rfind(root, 0) != 0) {
                    report.skip_entry(p.string(), "symbolic link to '" + target + "', outside the library folder; not followed");
                    return;
                }
            }
            status = fs::status(p, ec);
            if (ec) {
                std::error_code link_ec;
                std::string target = fs::read_symlink(p, link_ec).string();
                if (ec == std::errc::too_many_symbolic_link_levels)
                    report.skip_entry(p.string(), "symbolic link loop (" + ec.message() + "); not followed");
                else if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory)
                    report.skip_entry(p.string(), "dangling symbolic link to '" + target + "'; nothing there");
                else
                    report.skip_entry(p.string(), "cannot follow symbolic link to '" + target + "': " + ec.message());
                return;
            }
        }
        if (fs::is_directory(status)) {
            if (!skipped_dir(name)) folder(p, depth + 1);
        } else if (fs::is_regular_file(status)) {
            if (registry.is_document_name(name)) files.push_back(p.string());
            else if (std::string_view why = ReaderRegistry::refusal(name); !why.empty() && name[0] != '.')
                report.skip_entry(p.string(), std::string(why));
        } else if (registry.is_document_name(name)) {
            report.skip_entry(p.string(), std::string(kind_of(status.type())) + ", not a regular file; not read");
        }
    }
};

}  // namespace

std::optional<Document> read_document_file(const std::string& path, IngestReport& report,
                                           const ReaderRegistry& registry) {
    ++report.files_seen;
    ReaderInput input(path);
    return registry.read(input, report);
}

std::vector<std::string> list_corpus_files(const std::vector<std::string>& dirs, IngestReport& report,
                                           const ReaderRegistry& registry, const std::vector<std::string>& confined) {
    std::set<std::string> confined_roots;
    for (const std::string& c : confined) {
        std::error_code ec;
        const fs::path root = fs::canonical(c, ec);
        if (!ec) confined_roots.insert(root.string());
    }
    std::vector<std::string> files;
    for (const std::string& dir : dirs) {
        std::error_code ec;
        fs::file_status status = fs::status(dir, ec);
        if (!fs::exists(status)) {
            report.skip_entry(dir, "corpus directory not found");
            continue;
        }
        if (!fs::is_directory(status)) {
            report.skip_entry(dir, "corpus directory is not a folder");
            continue;
        }
        // Each --corpus in command-line order, each sorted by path: the first
        // file of a duplicate document id (which wins) is the first --corpus's.
        CorpusWalk walk{registry, report, {}, {}};
        std::error_code canon_ec;
        if (const std::string root = fs::canonical(dir, canon_ec).string(); !canon_ec && confined_roots.count(root))
            walk.root = root + "/";
        walk.folder(dir, 0);
        std::sort(walk.files.begin(), walk.files.end());
        files.insert(files.end(), walk.files.begin(), walk.files.end());
    }
    // A file reached twice (overlapping --corpus folders) is read once, at its first place.
    std::set<std::string> seen;
    files.erase(std::remove_if(files.begin(), files.end(), [&](const std::string& f) { return !seen.insert(f).second; }),
                files.end());
    return files;
}

}  // namespace himoya
