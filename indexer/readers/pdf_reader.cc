#include "indexer/readers/pdf_reader.h"

#include <memory>
#include <string_view>
#include <vector>

#include <poppler-document.h>
#include <poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analysis/utf8.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/sidecar.h"
#include "indexer/readers/text_sections.h"

namespace himoya {

namespace {

// The OCR hook. A page with no text layer comes here; OCR (rendering the page
// with poppler::page_renderer and recognising it) is not available yet, so
// there is no text and the caller reports the page. When OCR comes, it
// returns the page's text here and the page reads like any other.
std::optional<std::string> page_without_text(const poppler::page& /*page*/, int /*number*/) {
    return std::nullopt;
}

// A page's text in reading order as UTF-8; control characters other than
// line breaks (form feeds ...) become spaces, and invalid bytes U+FFFD.
std::string page_text(const poppler::page& page) {
    poppler::byte_array utf8 = page.text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    std::string text = sanitize_utf8(std::string_view(utf8.data(), utf8.size()));
    for (char& c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '\r') c = '\n';
        else if ((u < 0x20 && c != '\n') || u == 0x7f) c = ' ';
    }
    return text;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// A page number printed alone: "12", "- 12 -".
bool is_page_number(std::string_view line) {
    line = trim(line);
    if (line.size() >= 2 && line.front() == '-' && line.back() == '-') line = trim(line.substr(1, line.size() - 2));
    if (line.empty() || line.size() > 4) return false;
    return line.find_first_not_of("0123456789") == std::string_view::npos;
}

bool starts_lower(std::string_view s) {
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    return c > 0 && u_islower(c);
}

// The lines of the whole document, in order, with the page each is on.
struct Line {
    std::string_view text;
    int page;
};

// Lines -> paragraphs and headings for the section builder.
void split_pages(const std::vector<Line>& lines, SectionBuilder& out) {
    std::string paragraph;
    int paragraph_page = 0;
    auto flush = [&] {
        if (!paragraph.empty()) {
            out.page(paragraph_page);
            out.paragraph(paragraph, paragraph_page);
        }
        paragraph.clear();
    };
    for (const Line& l : lines) {
        std::string_view line = trim(l.text);
        if (line.empty()) {
            flush();
        } else if (match_heading(line)) {
            flush();
            out.page(l.page);
            out.heading(line, l.page, false);
        } else {
            if (paragraph.empty()) {
                paragraph = line;
            } else if (paragraph.size() >= 2 && paragraph.back() == '-' && paragraph[paragraph.size() - 2] != ' ' &&
                       starts_lower(line)) {
                paragraph.pop_back();  // "зӯро-" + "варӣ"
                paragraph += line;
            } else {
                paragraph += ' ';
                paragraph += line;
            }
            paragraph_page = l.page;
            char last = line.back();
            if (last == '.' || last == '!' || last == '?' || last == ';' || last == ':') flush();
        }
    }
    flush();
    out.finish();
}

// "3", "2–4", "2, 5–7" for the pages listed (ascending).
std::string page_list(const std::vector<int>& pages) {
    std::string out;
    for (size_t i = 0; i < pages.size();) {
        size_t j = i;
        while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(pages[i]);
        if (j > i) out += "–" + std::to_string(pages[j]);
        i = j + 1;
    }
    return out;
}

std::optional<Document> read(ReaderInput& input, IngestReport& report) {
    const std::string& path = input.path();
    Document doc;
    doc.source_path = path;
    doc.format = "pdf";
    // Metadata first: without a sidecar the file is not read at all.
    if (!read_sidecar(path, doc, report)) return std::nullopt;
    std::optional<std::string_view> bytes = input.bytes(report);
    if (!bytes) return std::nullopt;
    if (bytes->substr(0, 1024).find("%PDF-") == std::string_view::npos) {
        report.skip(path, 0, "not a valid PDF (no %PDF- header)");
        return std::nullopt;
    }
    // load_source_file caps a file at 64 MiB, well within poppler's int length.
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes->data(), static_cast<int>(bytes->size())));
    if (!pdf) {
        report.skip(path, 0, "not a valid PDF (poppler cannot open it: damaged or password-protected)");
        return std::nullopt;
    }
    if (pdf->is_locked()) {
        report.skip(path, 0, "PDF is password-protected; cannot read its text");
        return std::nullopt;
    }
    const int pages = pdf->pages();
    std::vector<std::string> texts;  // `lines` point into them: reserved, never reallocated
    texts.reserve(static_cast<size_t>(pages > 0 ? pages : 0));
    std::vector<Line> lines;
    std::vector<int> no_text, unreadable;
    for (int i = 0; i < pages; ++i) {
        const int number = i + 1;
        std::unique_ptr<poppler::page> page(pdf->create_page(i));
        if (!page) {
            unreadable.push_back(number);
            continue;
        }
        std::string text = page_text(*page);
        if (text.find_first_not_of(" \t\n") == std::string::npos) {
            std::optional<std::string> ocr = page_without_text(*page, number);
            if (!ocr) {
                no_text.push_back(number);
                continue;
            }
            text = std::move(*ocr);
        }
        texts.push_back(std::move(text));
        std::string_view all = texts.back();
        std::vector<std::string_view> page_lines;
        size_t pos = 0;
        while (pos <= all.size()) {
            size_t end = all.find('\n', pos);
            if (end == std::string_view::npos) end = all.size();
            page_lines.push_back(all.substr(pos, end - pos));
            pos = end + 1;
        }
        // A page number alone on the first or last non-blank line.
        size_t first = 0, last = page_lines.size();
        while (first < last && blank(page_lines[first])) ++first;
        while (last > first && blank(page_lines[last - 1])) --last;
        if (last > first + 1 && is_page_number(page_lines[last - 1])) --last;
        if (last > first + 1 && is_page_number(page_lines[first])) ++first;
        for (size_t k = first; k < last; ++k) lines.push_back({page_lines[k], number});
    }
    if (static_cast<int>(no_text.size() + unreadable.size()) == pages) {
        report.skip(path, 0,
                    pages == 0 ? std::string("PDF has no pages")
                               : "no text layer on any of its " + std::to_string(pages) +
                                     (pages == 1 ? " page" : " pages") + " (scanned?); OCR not available");
        return std::nullopt;
    }
    // Part of the document is lost: said once per kind of loss, counted once.
    if (!unreadable.empty())
        report.cut(path, (unreadable.size() == 1 ? "page " : "pages ") + page_list(unreadable) +
                             " cannot be read (damaged?): not indexed");
    if (!no_text.empty())
        report.cut(path, (no_text.size() == 1 ? "page " : "pages ") + page_list(no_text) +
                             (no_text.size() == 1 ? " has" : " have") +
                             " no text layer (scanned?); OCR not available: not indexed");
    if (!no_text.empty() || !unreadable.empty()) ++report.documents_truncated;

    SectionBuilder sections(doc, report);
    split_pages(lines, sections);
    if (doc.provisions.empty()) report.warn(path, 0, "no text found");
    return doc;
}

}  // namespace

const Reader& pdf_reader() {
    static const Reader reader{"pdf", {".pdf"}, "", {".meta.xml"}, &read};
    return reader;
}

std::optional<Document> read_pdf_document(const std::string& path, IngestReport& report) {
    return read_with(pdf_reader(), ReaderInput(path), report);
}

}  // namespace himoya
