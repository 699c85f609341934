// Reader for scanned pages saved as images (.png, .jpg, .jpeg, .tif, .tiff)
// with a sidecar NAME.meta.xml (as for a .txt or .pdf: a missing sidecar is
// a skip and the image is never decoded). The image is decoded by Leptonica
// (which Tesseract brings along; poppler reads no images) from the bytes
// ReaderInput loaded, and recognised by OCR (ocr.h) in the sidecar's
// language or, when that is not tg, ru or en, in the language the first
// pass finds. A multi-page TIFF is read page by page.
//
// The text is cut into provisions as a PDF's is (text_sections.h,
// build_paged_sections), and every label ends with its page ("Моддаи 1,
// саҳ. 1"), so a hit says it came from page 1 of a scan. Each page read is
// noted in the IngestReport with its mean word confidence (ocr.h). A file
// Leptonica cannot decode, larger than kMaxImagePixels, or on which OCR
// finds no text at all is a skip; a TIFF page without text is a cut
// (indexed in part: exit status 2), as a PDF page is.
//
// Thread-safety: the reader holds no state; each call decodes its own
// images and has its own OcrSession.
#pragma once

#include <optional>
#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/readers/registry.h"

namespace himoya {

// Images with more pixels than this (a decompression bomb, or a poster) are
// not decoded: 300 dpi A3 is 17.4 million.
inline constexpr long long kMaxImagePixels = 60'000'000;

// The registry's entry: .png .jpg .jpeg .tif .tiff (Document::format "image").
const Reader& image_reader();

// Reads through the registry's boundary (read_with), so never throws.
std::optional<Document> read_image_document(const std::string& path, IngestReport& report);

}  // namespace himoya
