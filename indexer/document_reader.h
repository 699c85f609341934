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
// the chosen reader counts documents_read / documents_skipped. Applies the
// caps of document_caps.h (counted in documents_truncated). Never throws.
std::optional<Document> read_document_file(const std::string& path, IngestReport& report);

// Every document file under `dirs`, recursively: *.xml, *.txt, *.html, *.htm.
// Each dir's files sorted by path, the dirs in the order given (so the first
// --corpus wins a duplicate document id); a file reached twice is listed once.
// Skips schema/ and facts/ directories, hidden files and directories,
// thesaurus.xml, the label tables and *.meta.xml (not documents). Follows
// symbolic links. Nothing is left out in silence: a missing or unreadable
// folder, a symbolic link loop, a dangling link, and a FIFO, socket or device
// with a document's name (never opened) are each a problem in `report`
// (`path: what`, counted in entries_skipped); the rest is still listed.
std::vector<std::string> list_corpus_files(const std::vector<std::string>& dirs,
                                           IngestReport& report);

}  // namespace himoya
