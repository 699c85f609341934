#include "indexer/readers/pdf_reader.h"

#include <cmath>
#include <memory>
#include <string_view>
#include <vector>

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "analysis/utf8.h"
#include "indexer/readers/ocr.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/sidecar.h"
#include "indexer/readers/text_sections.h"

namespace himoya {

namespace {

// Pixels of a page rendered for OCR at most: 300 dpi A4 is 8.7 million; a
// page with a huge media box is rendered at a lower resolution instead.
constexpr double kMaxOcrPixels = 40e6;

// The OCR hook: a page with no text layer is rendered (grayscale, 300 dpi or
// less for a huge page) and recognised (ocr.h, which reports what it read
// and how sure it is). nullopt when it cannot be rendered or OCR finds no
// text: the caller then reports the page as not indexed.
std::optional<std::string> page_without_text(const poppler::page& page, int number, OcrSession& ocr,
                                             IngestReport& report, const std::string& path) {
    if (!poppler::page_renderer::can_render()) {
        report.warn(path, 0, "page " + std::to_string(number) + ": cannot be rendered for OCR (poppler without a renderer)");
        return std::nullopt;
    }
    const poppler::rectf box = page.page_rect(poppler::media_box);
    const double points = box.width() * box.height();
    double dpi = 300;
    if (points > 0 && points * dpi * dpi / (72.0 * 72.0) > kMaxOcrPixels)
        dpi = 72.0 * std::sqrt(kMaxOcrPixels / points);
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    const poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
        report.warn(path, 0, "page " + std::to_string(number) + ": poppler could not render it for OCR");
        return std::nullopt;
    }
    OcrImage pixels;
    pixels.pixels = reinterpret_cast<const unsigned char*>(image.const_data());
    pixels.width = image.width();
    pixels.height = image.height();
    pixels.bytes_per_line = image.bytes_per_row();
    pixels.dpi = static_cast<int>(dpi);
    std::optional<OcrResult> result = ocr.recognise(pixels, number, report);
    if (!result) return std::nullopt;
    return std::move(result->text);
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
    doc.position_unit = "page";
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
    std::vector<PageLine> lines;
    std::vector<int> no_text, unreadable;
    OcrSession ocr(path, doc.language);  // loads Tesseract only if a page needs it
    for (int i = 0; i < pages; ++i) {
        const int number = i + 1;
        std::unique_ptr<poppler::page> page(pdf->create_page(i));
        if (!page) {
            unreadable.push_back(number);
            continue;
        }
        std::string text = page_text(*page);
        if (text.find_first_not_of(" \t\n") == std::string::npos) {
            std::optional<std::string> scanned = page_without_text(*page, number, ocr, report, path);
            if (!scanned) {
                no_text.push_back(number);
                continue;
            }
            text = std::move(*scanned);
        }
        texts.push_back(std::move(text));
        append_page_lines(texts.back(), number, lines);
    }
    if (static_cast<int>(no_text.size() + unreadable.size()) == pages) {
        report.skip(path, 0,
                    pages == 0 ? std::string("PDF has no pages")
                               : "no text on any of its " + std::to_string(pages) +
                                     (pages == 1 ? " page" : " pages") +
                                     ": no text layer (scanned?) and OCR found no text");
        return std::nullopt;
    }
    // Part of the document is lost: said once per kind of loss, counted once.
    if (!unreadable.empty())
        report.cut(path, (unreadable.size() == 1 ? "page " : "pages ") + page_list(unreadable) +
                             " cannot be read (damaged?): not indexed");
    if (!no_text.empty())
        report.cut(path, (no_text.size() == 1 ? "page " : "pages ") + page_list(no_text) +
                             (no_text.size() == 1 ? " has" : " have") +
                             " no text layer (scanned?) and OCR found no text: not indexed");
    if (!no_text.empty() || !unreadable.empty()) ++report.documents_truncated;

    SectionBuilder sections(doc, report);
    build_paged_sections(lines, sections);
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
