#include "indexer/document_reader.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <string_view>

#include "indexer/akn_reader.h"
#include "indexer/corpus_reader.h"
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

}  // namespace

std::optional<Document> read_document_file(const std::string& path, IngestReport& report) {
    ++report.files_seen;
    try {
        std::string ext = ascii_lower(fs::path(path).extension().string());
        if (ext == ".xml") return read_xml_file(path, report);
        if (ext == ".txt" || ext == ".html" || ext == ".htm") return read_text_document(path, report);
        report.skip(path, 0, "unsupported file type '" + ext + "' (expected .xml, .txt, .html, .htm)");
    } catch (const std::exception& e) {
        report.skip(path, 0, std::string("internal error while reading: ") + e.what());
    }
    return std::nullopt;
}

std::vector<std::string> list_corpus_files(const std::vector<std::string>& dirs,
                                           IngestReport& report) {
    std::vector<std::string> files;
    for (const std::string& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            report.problems.push_back({dir, 0, "corpus directory not found", true});
            continue;
        }
        auto options = fs::directory_options::skip_permission_denied;
        fs::recursive_directory_iterator it(dir, options, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            std::error_code type_ec;
            if (it->is_directory(type_ec)) {
                if (skipped_dir(name)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(type_ec) && is_document_name(name))
                files.push_back(it->path().string());
        }
        if (ec) report.problems.push_back({dir, 0, "cannot list directory: " + ec.message(), true});
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

}  // namespace himoya
