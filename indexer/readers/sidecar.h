// The metadata sidecar of a file that carries none of its own in our format:
// NAME.meta.xml next to NAME.txt / .html / .pdf / .docx / .odt, whose root is
// the corpus format's <meta xmlns="urn:himoya:corpus:1"> (optionally with
// id="..."; docs/corpus-format.md, "Plain text and HTML"). Shared by the text
// reader and the office readers (PDF, DOCX, ODT) so they read it the same way.
//
// Thread-safety: plain functions, no state; each call reads its own files.
#pragma once

#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"

namespace himoya {

// "dir/manual.txt" -> "dir/manual.meta.xml"
std::string sidecar_path(const std::string& path);

// Fills `doc`'s metadata, document_id (the sidecar's id attribute, else the
// slug of the file name) and work_id (defaults to the id) from the sidecar
// of `path`. A missing or bad sidecar is a skip in `report` (naming `path`,
// or the sidecar and its line) and false; the document file itself need not
// be opened before this.
bool read_sidecar(const std::string& path, Document& doc, IngestReport& report);

}  // namespace himoya
