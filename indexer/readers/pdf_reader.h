// Reader for PDF files with a text layer (laws printed to PDF, reports),
// through poppler-cpp. Metadata comes from the sidecar NAME.meta.xml next to
// the file, as for a .txt (sidecar.h; a missing sidecar is a skip and the
// PDF is then never opened).
//
// Each page's text is taken in reading order (poppler's non-raw,
// non-physical layout) and cut into provisions by text_sections.h, which
// recognises "Моддаи 5", "Статья 5", "Article 5", chapters and numbered
// headings on their own lines (a PDF has no styles to say what a heading
// is). Lines are joined into paragraphs (a word hyphenated across a line
// break is joined again); a paragraph ends at a blank line, a heading, or a
// line ending a sentence (. ! ? ; :). A page number alone on the first or
// last line of a page is dropped. Each provision's label ends with the pages
// it spans, in the document's language ("Моддаи 1, банди 2, саҳ. 3",
// "Статья 1, с. 3–4", "Article 1, pp. 3–4"), so a hit can be cited; the
// "line" of a problem the section builder reports is the page.
//
// A page with no text layer (a scanned page) is rendered with poppler's
// page_renderer (grayscale, 300 dpi, less for a huge page) and read by OCR
// (ocr.h: Tesseract in the sidecar's language; a note per page with its mean
// word confidence, a warning when it is very low). Its provisions are cited
// by page like any other. A page OCR finds no text on is never skipped in
// silence: `file: page 3 has no text layer (scanned?) and OCR found no text:
// not indexed`, a problem marked truncated (the document is indexed in part,
// counted in documents_truncated: exit status 2). A PDF none of whose pages
// has text is a skip. An encrypted or broken PDF is a skip.
//
// Thread-safety: the reader holds no state; each call opens its own
// poppler document and its own OcrSession (Tesseract instances).
#pragma once

#include <optional>
#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/readers/registry.h"

namespace himoya {

// The registry's entry: .pdf (Document::format "pdf").
const Reader& pdf_reader();

// Reads through the registry's boundary (read_with), so never throws.
std::optional<Document> read_pdf_document(const std::string& path, IngestReport& report);

}  // namespace himoya
