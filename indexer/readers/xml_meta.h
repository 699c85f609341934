// The <meta> block of the Himoya corpus format (docs/corpus-format.md):
// used inside <document> and as the root of a .meta.xml sidecar.
#pragma once

#include <string>

#include <pugixml.hpp>

#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/source_file.h"

namespace himoya {

inline constexpr const char* kCorpusNamespace = "urn:himoya:corpus:1";

// Fills doc's metadata fields from `meta`. A missing required element is
// fatal: records a skip naming it (at the line of <meta>) and returns false.
// Malformed values, repeats and unknown elements are warnings.
bool read_corpus_meta(pugi::xml_node meta, Document& doc, const std::string& file,
                      const LineIndex& lines, IngestReport& report);

}  // namespace himoya
