#include "indexer/readers/registry.h"

#include <algorithm>
#include <exception>
#include <filesystem>

#include "indexer/readers/akn_reader.h"
#include "indexer/readers/corpus_reader.h"
#include "indexer/readers/document_caps.h"
#include "indexer/readers/image_reader.h"
#include "indexer/readers/office_reader.h"
#include "indexer/readers/pdf_reader.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/text_reader.h"
#include "indexer/source_file.h"

namespace himoya {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Files of a corpus folder that the indexer reads for itself (the thesaurus,
// the label tables): XML, but not documents.
constexpr std::string_view kCorpusTables[] = {"thesaurus.xml", "bodies.xml", "istanbul-articles.xml",
                                              "jurisdictions.xml"};

bool accepts_extension(const Reader& reader, std::string_view ext) {
    return std::find(reader.extensions.begin(), reader.extensions.end(), ext) != reader.extensions.end();
}

// The reader boundary, the only one: whatever goes wrong inside `body`
// becomes a problem of the file, and the file is skipped.
template <typename Body>
std::optional<Document> guarded(const std::string& name, IngestReport& report, Body&& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        std::string message = "internal error while reading: ";
        message += e.what();
        report.skip(name, 0, message);
    } catch (...) {
        report.skip(name, 0, "internal error while reading");
    }
    return std::nullopt;
}

// One reader's read, and the count of a document read (here, not in each reader).
std::optional<Document> run(const Reader& reader, ReaderInput& input, IngestReport& report) {
    std::optional<Document> document = reader.read(input, report);
    if (document) ++report.documents_read;
    return document;
}

}  // namespace

std::optional<std::string_view> ReaderInput::bytes(IngestReport& report) {
    if (from_memory_) return memory_;
    if (load_failed_) return std::nullopt;
    if (!loaded_ok_) {
        if (!load_source_file(path_, loaded_, report)) {
            load_failed_ = true;
            return std::nullopt;
        }
        loaded_ok_ = true;
    }
    return std::string_view(loaded_);
}

std::optional<std::string_view> ReaderInput::text(IngestReport& report) {
    std::optional<std::string_view> raw = bytes(report);
    if (!raw || !check_source_text(*raw, path_, report)) return std::nullopt;
    return strip_bom(*raw);
}

const ReaderRegistry& ReaderRegistry::builtin() {
    static const ReaderRegistry registry = [] {
        ReaderRegistry r;
        r.add(corpus_xml_reader());  // .xml: <document>, and any root no other reader claims
        r.add(akn_reader());         // .xml: <akomaNtoso>
        r.add(text_reader());        // .txt .html .htm, with NAME.meta.xml beside
        r.add(pdf_reader());         // .pdf with a text layer, with NAME.meta.xml beside
        r.add(docx_reader());        // .docx, with NAME.meta.xml beside
        r.add(odt_reader());         // .odt, with NAME.meta.xml beside
        r.add(rtf_reader());         // .rtf, with NAME.meta.xml beside
        r.add(doc_reader());         // .doc (Word 97-2003, through wvWare), with NAME.meta.xml beside
        r.add(image_reader());       // .png .jpg .jpeg .tif .tiff (scans, OCR), with NAME.meta.xml beside
        // One line per new format here (issue 15: PDF, DOCX, ODT, DOC ...).
        return r;
    }();
    return registry;
}

const Reader* ReaderRegistry::choose(std::string_view path, std::string_view xml_root) const {
    const std::string ext = lower_extension(path);
    const Reader* fallback = nullptr;
    for (const Reader& reader : readers_) {
        if (!accepts_extension(reader, ext)) continue;
        if (reader.xml_root.empty()) {
            if (!fallback) fallback = &reader;
        } else if (!xml_root.empty() && reader.xml_root == xml_root) {
            return &reader;
        }
    }
    return fallback;
}

bool ReaderRegistry::accepts(std::string_view path) const {
    const std::string ext = lower_extension(path);
    return std::any_of(readers_.begin(), readers_.end(),
                       [&](const Reader& r) { return accepts_extension(r, ext); });
}

bool ReaderRegistry::is_document_name(std::string_view file_name) const {
    if (file_name.empty() || file_name[0] == '.') return false;
    for (std::string_view table : kCorpusTables)
        if (file_name == table) return false;
    const std::string lower = ascii_lower(file_name);
    for (const Reader& reader : readers_)
        for (const std::string& suffix : reader.companion_suffixes)
            if (ends_with(lower, suffix)) return false;
    return accepts(file_name);
}

std::string_view ReaderRegistry::refusal(std::string_view path) {
    // Slides: trainers hold their courses as presentations, and a slide
    // deck's text has no order a reader could rely on; as PDF it is read page
    // by page (pdf_reader.h).
    static constexpr std::pair<std::string_view, std::string_view> kRefused[] = {
        {".pptx", "slides are not read: save them as PDF (PowerPoint: Save As PDF; LibreOffice: "
                  "soffice --headless --convert-to pdf FILE) and add that"},
        {".ppt", "slides are not read: save them as PDF (PowerPoint: Save As PDF; LibreOffice: "
                 "soffice --headless --convert-to pdf FILE) and add that"},
        {".odp", "slides are not read: save them as PDF (LibreOffice: soffice --headless --convert-to pdf "
                 "FILE) and add that"},
    };
    const std::string ext = lower_extension(path);
    for (const auto& [refused, why] : kRefused)
        if (ext == refused) return why;
    return {};
}

std::string ReaderRegistry::extension_list() const {
    std::vector<std::string> seen;
    std::string out;
    for (const Reader& reader : readers_) {
        for (const std::string& ext : reader.extensions) {
            if (std::find(seen.begin(), seen.end(), ext) != seen.end()) continue;
            seen.push_back(ext);
            if (!out.empty()) out += ", ";
            out += ext;
        }
    }
    return out;
}

std::optional<Document> ReaderRegistry::read(ReaderInput& input, IngestReport& report) const {
    const std::string& path = input.path();
    return guarded(path, report, [&]() -> std::optional<Document> {
        const std::string ext = lower_extension(path);
        // Only when readers share the extension is the file opened to choose.
        int candidates = 0;
        bool by_root = false;
        for (const Reader& reader : readers_) {
            if (!accepts_extension(reader, ext)) continue;
            ++candidates;
            by_root = by_root || !reader.xml_root.empty();
        }
        std::string root;
        if (candidates > 1 && by_root) {
            std::optional<std::string_view> bytes = input.bytes(report);
            if (!bytes) return std::nullopt;
            root = sniff_xml_root(strip_bom(*bytes));
        }
        const Reader* reader = choose(path, root);
        if (!reader) {
            std::string message = "unsupported file type '";
            message += ext;
            message += "' (expected ";
            message += extension_list();
            message += ")";
            if (std::string_view why = refusal(path); !why.empty()) {
                message += ": ";
                message += why;
            }
            report.skip(path, 0, message);
            return std::nullopt;
        }
        std::optional<Document> document = run(*reader, input, report);
        if (document && apply_document_caps(*document, path, report)) ++report.documents_truncated;
        return document;
    });
}

std::optional<Document> read_with(const Reader& reader, ReaderInput&& input, IngestReport& report) {
    return guarded(input.path(), report, [&] { return run(reader, input, report); });
}

std::string sniff_xml_root(std::string_view text) {
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

std::string lower_extension(std::string_view path) {
    return ascii_lower(std::filesystem::path(path).extension().string());
}

}  // namespace himoya
