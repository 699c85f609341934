// Reader for Himoya's own corpus XML (<document xmlns="urn:himoya:corpus:1">,
// docs/corpus-format.md): one file -> one Document with its provisions.
//
// Problems go to `report` as file:line; a fatal one returns nullopt
// (report.skip). The registry counts documents_read; read_document_file()
// counts files_seen.
#pragma once

#include <optional>
#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/readers/registry.h"

namespace himoya {

// The registry's entry: .xml files with root <document>, and every .xml
// file whose root no other reader claims (reported as an unknown root).
const Reader& corpus_xml_reader();

// Reads corpus XML from memory (fuzzing, tests) through the registry's
// boundary (read_with), so never throws; `name` is used as file name in
// problems and source_path. A file: read_with(corpus_xml_reader(), ReaderInput(path), report).
std::optional<Document> read_corpus_xml_string(const std::string& xml, const std::string& name,
                                               IngestReport& report);

}  // namespace himoya
