// Reader for Himoya's own corpus XML (<document xmlns="urn:himoya:corpus:1">,
// docs/corpus-format.md): one file -> one Document with its provisions.
//
// Never throws. Problems go to `report` as file:line; a fatal one returns
// nullopt (report.skip). On success increments report.documents_read.
// files_seen is NOT touched here: read_document_file() counts files.
#pragma once

#include <optional>
#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"

namespace himoya {

std::optional<Document> read_corpus_xml(const std::string& path, IngestReport& report);

// Same, from memory; `name` is used as file name in problems and source_path.
std::optional<Document> read_corpus_xml_string(const std::string& xml, const std::string& name,
                                               IngestReport& report);

}  // namespace himoya
