// Reader for Akoma Ntoso 3.0 (OASIS LegalDocML) documents: acts, bills,
// docs and document collections, with the AKN namespace as default or
// prefixed. Every element with an eId and text of its own becomes a
// Provision whose unit_id is that eId.
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

inline constexpr const char* kAknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

std::optional<Document> read_akn(const std::string& path, IngestReport& report);

// Same, from memory; `name` is used as file name in problems and source_path.
std::optional<Document> read_akn_string(const std::string& xml, const std::string& name,
                                        IngestReport& report);

}  // namespace himoya
