// Reader for plain-text and HTML manuals (.txt, .html, .htm) dropped into
// the corpus. Metadata comes from a sidecar NAME.meta.xml next to the file
// (a <meta xmlns="urn:himoya:corpus:1"> root, optionally with id="...");
// the text is cut into provisions by text_sections.h.
//
// Never throws. A missing sidecar is a skip. On success increments
// report.documents_read; files_seen is counted by read_document_file().
#pragma once

#include <optional>
#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"

namespace himoya {

std::optional<Document> read_text_document(const std::string& path, IngestReport& report);

// "dir/manual.txt" -> "dir/manual.meta.xml"
std::string sidecar_path(const std::string& path);

}  // namespace himoya
