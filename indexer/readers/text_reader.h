// Reader for plain-text and HTML manuals (.txt, .html, .htm) dropped into
// the corpus. Metadata comes from a sidecar NAME.meta.xml next to the file
// (a <meta xmlns="urn:himoya:corpus:1"> root, optionally with id="...");
// the text is cut into provisions by text_sections.h.
//
// A missing sidecar is a skip (the file itself is then never opened). The
// registry counts documents_read; read_document_file() counts files_seen.
#pragma once

#include <optional>
#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/readers/registry.h"
#include "indexer/readers/sidecar.h"  // sidecar_path, read_sidecar (shared with the office readers)

namespace himoya {

// The registry's entry: .txt, .html, .htm (Document::format "text" or
// "html"); NAME.meta.xml sidecars are its companions, not documents.
const Reader& text_reader();

// Reads through the registry's boundary (read_with), so never throws.
std::optional<Document> read_text_document(const std::string& path, IngestReport& report);

}  // namespace himoya
