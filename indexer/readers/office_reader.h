// Readers for word-processor files dropped into the corpus: DOCX (Office
// Open XML, Word), ODT (OpenDocument text, LibreOffice) and RTF. Both are ZIP
// archives of XML parts (read with libzip through zip_archive.h, parsed with
// pugixml); metadata comes from the sidecar NAME.meta.xml next to the file,
// as for a .txt (sidecar.h; a missing sidecar is a skip and the file is then
// never opened).
//
// What is read: the body's paragraphs in order. A paragraph whose style is a
// heading (DOCX: a style named "heading N" or "Title", or with an outline
// level; ODT: <text:h>, or a paragraph style derived from "Heading"/"Title")
// is a heading of its own (SectionBuilder::heading, free_heading); any other
// paragraph that reads like one ("Моддаи 5", "Статья 5", "Article 5",
// "Боби 2", "1.") is one too, as in a .txt (text_sections.h). Numbers are
// kept when they are literal text; automatic list numbering is not
// reconstructed. A table is text: each row a paragraph, its non-empty cells
// joined by " | ". Tables of contents, deleted tracked changes, field codes,
// comments, footnotes, headers and footers are not read. Tajik typed in a
// legacy font is decided for the whole document and converted
// (legacy_tajik.h), as in a .txt.
//
// Problems: a file that is not a ZIP archive, or lacks its main part
// (word/document.xml, content.xml), is a skip "file: not a valid DOCX (zip
// error: ...)"; a part larger than kMaxOfficePartBytes uncompressed (a zip
// bomb) is a skip naming the part and the cap. The "line" of a problem the
// section builder reports (a repeated unit id) is the paragraph's number.
//
// Thread-safety: the readers hold no state; each call reads its own file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/readers/registry.h"
#include "indexer/source_file.h"

namespace himoya {

// The most uncompressed bytes read from one part of an archive: the same cap
// as a whole source file (source_file.h), as the text of the part is what
// would otherwise have been the file.
inline constexpr std::size_t kMaxOfficePartBytes = kMaxSourceBytes;

// The registry's entries: .docx (Document::format "docx"), .odt ("odt") and
// .rtf ("rtf"; its text layer is read by rtf_text.h, the rest as above),
// .doc ("doc"; Word 97-2003, read through wvWare: doc_text.h).
const Reader& docx_reader();
const Reader& odt_reader();
const Reader& rtf_reader();
const Reader& doc_reader();

// Read through the registry's boundary (read_with), so never throw.
std::optional<Document> read_docx_document(const std::string& path, IngestReport& report);
std::optional<Document> read_odt_document(const std::string& path, IngestReport& report);
std::optional<Document> read_rtf_document(const std::string& path, IngestReport& report);
std::optional<Document> read_doc_document(const std::string& path, IngestReport& report);

}  // namespace himoya
