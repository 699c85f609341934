#include "indexer/document_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <set>
#include <string_view>
#include <utility>

#include "indexer/akn_reader.h"
#include "indexer/corpus_reader.h"
#include "indexer/document_caps.h"
#include "indexer/reader_text.h"
#include "indexer/source_file.h"
#include "indexer/text_reader.h"

namespace himoya {

namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Name of the root element ("an:akomaNtoso" -> "akomaNtoso") found by a
// cheap scan past the prolog, comments and DOCTYPE, so that each file is
// parsed once, by the reader that owns it. "" when there is none.
std::string sniff_root(std::string_view text) {
    size_t i = 0;
    while (true) {
        i = text.find('<', i);
        if (i == std::string_view::npos || i + 1 >= text.size()) return "";
        if (text.compare(i, 4, "<!--") == 0) {
            size_t end = text.find("-->", i + 4);
            if (end == std::string_view::npos) return "";
            i = end + 3;
            continue;
        }
        if (text[i + 1] == '?' || text[i + 1] == '!') {
            // A DOCTYPE may hold "<!ENTITY ...>" lines inside [ ]; the reader
            // refuses DOCTYPEs anyway, so any root name after it will do.
            size_t bracket = text.find('[', i);
            size_t close = text.find('>', i);
            if (text[i + 1] == '!' && bracket != std::string_view::npos && bracket < close) {
                size_t end = text.find("]", bracket);
                close = end == std::string_view::npos ? end : text.find('>', end);
            }
            if (close == std::string_view::npos) return "";
            i = close + 1;
            continue;
        }
        size_t end = i + 1;
        while (end < text.size() && std::string_view(" \t\r\n/>").find(text[end]) == std::string_view::npos)
            ++end;
        std::string_view name = text.substr(i + 1, end - i - 1);
        size_t colon = name.find(':');
        if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
        return std::string(name);
    }
}

std::optional<Document> read_xml_file(const std::string& path, IngestReport& report) {
    std::string xml;
    if (!load_source_file(path, xml, report)) return std::nullopt;
    std::string root = sniff_root(strip_bom(xml));
    if (root == "akomaNtoso") return read_akn_string(xml, path, report);
    // Anything else goes to the corpus reader, which reports syntax errors,
    // DOCTYPEs and unknown roots with their line.
    return read_corpus_xml_string(xml, path, report);
}

bool skipped_dir(const std::string& name) {
    return name.empty() || name[0] == '.' || name == "schema" || name == "facts";
}

bool is_document_name(const std::string& name) {
    // The thesaurus and the label tables (bodies, Istanbul article titles) are not documents.
    if (name.empty() || name[0] == '.' || name == "thesaurus.xml" || name == "bodies.xml" ||
        name == "istanbul-articles.xml" || name == "jurisdictions.xml")
        return false;
    std::string lower = ascii_lower(name);
    if (ends_with(lower, ".meta.xml")) return false;
    return ends_with(lower, ".xml") || ends_with(lower, ".txt") || ends_with(lower, ".html") ||
           ends_with(lower, ".htm");
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
    IngestReport& report;
    std::vector<std::string> files;
    // (device, inode) of the folders from the corpus root down to the one
    // being listed: a link back to one of them is a loop.
    std::vector<std::pair<dev_t, ino_t>> path;

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
            if (is_document_name(name)) files.push_back(p.string());
        } else if (is_document_name(name)) {
            report.skip_entry(p.string(), std::string(kind_of(status.type())) + ", not a regular file; not read");
        }
    }
};

}  // namespace

std::optional<Document> read_document_file(const std::string& path, IngestReport& report) {
    ++report.files_seen;
    std::optional<Document> document;
    try {
        std::string ext = ascii_lower(fs::path(path).extension().string());
        if (ext == ".xml") document = read_xml_file(path, report);
        else if (ext == ".txt" || ext == ".html" || ext == ".htm") document = read_text_document(path, report);
        else report.skip(path, 0, "unsupported file type '" + ext + "' (expected .xml, .txt, .html, .htm)");
        if (document && apply_document_caps(*document, path, report)) ++report.documents_truncated;
    } catch (const std::exception& e) {
        document.reset();
        report.skip(path, 0, std::string("internal error while reading: ") + e.what());
    }
    return document;
}

std::vector<std::string> list_corpus_files(const std::vector<std::string>& dirs,
                                           IngestReport& report) {
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
        CorpusWalk walk{report, {}, {}};
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
