// Reader for Akoma Ntoso 3.0 (OASIS LegalDocML) documents: acts, bills,
// docs and document collections, with the AKN namespace as default or
// prefixed. Every element with an eId and text of its own becomes a
// Provision whose unit_id is that eId.
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

inline constexpr const char* kAknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// The registry's entry: .xml files whose root element is <akomaNtoso>.
const Reader& akn_reader();

// Reads AKN from memory (fuzzing, tests) through the registry's boundary
// (read_with), so never throws; `name` is used as file name in problems and
// source_path. A file: read_with(akn_reader(), ReaderInput(path), report).
std::optional<Document> read_akn_string(const std::string& xml, const std::string& name,
                                        IngestReport& report);

}  // namespace himoya
