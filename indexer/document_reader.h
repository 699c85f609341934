// The one entry point the indexer uses per file: finds the corpus files
// under some directories and reads each with the right reader.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/document.h"
#include "indexer/ingest_report.h"

namespace himoya {

// Reads one file, choosing the reader by extension (.txt/.html/.htm) or,
// for .xml, by root element (<document> corpus XML, <akomaNtoso>).
// Counts the file in report.files_seen (this is the only place that does);
// the chosen reader counts documents_read / documents_skipped. Never throws.
std::optional<Document> read_document_file(const std::string& path, IngestReport& report);

// Every document file under `dirs`, recursively, sorted by path: *.xml,
// *.txt, *.html, *.htm. Skips schema/ and facts/ directories, hidden
// files and directories, thesaurus.xml and *.meta.xml (not documents).
// A missing directory is reported (fatal problem, not counted as a skipped
// document) and the others are still listed.
std::vector<std::string> list_corpus_files(const std::vector<std::string>& dirs,
                                           IngestReport& report);

}  // namespace himoya
