// The entry points the indexer uses: list the document files under some
// folders, and read one file. Both ask the reader registry (registry.h),
// which alone decides what is a document file and which reader reads it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/readers/registry.h"

namespace himoya {

// Reads one file with the reader the registry chooses: by extension
// (.txt/.html/.htm) or, for .xml, by root element (<document> corpus XML,
// <akomaNtoso>). Counts the file in report.files_seen (this is the only
// place that does); the registry counts documents_read, the reader
// documents_skipped. Applies the caps of document_caps.h (counted in
// documents_truncated). Never throws.
std::optional<Document> read_document_file(const std::string& path, IngestReport& report,
                                           const ReaderRegistry& registry = ReaderRegistry::builtin());

// Every document file under `dirs`, recursively: the files the registry
// takes as documents (ReaderRegistry::is_document_name: *.xml, *.txt,
// *.html, *.htm with the built-in readers). Each dir's files sorted by path,
// the dirs in the order given (so the first --corpus wins a duplicate
// document id); a file reached twice is listed once. Skips schema/ and
// facts/ directories, hidden files and directories, and what the registry
// says is not a document (thesaurus.xml, the label tables, *.meta.xml
// sidecars). Follows symbolic links. Nothing is left out in silence: a
// missing or unreadable folder, a symbolic link loop, a dangling link, and a
// FIFO, socket or device with a document's name (never opened) are each a
// problem in `report` (`path: what`, counted in entries_skipped); the rest
// is still listed.
// `confined`: folders (among `dirs`) whose symbolic links may not lead
// outside them — a library folder others drop files into (himoya add, serve
// --watch) must not publish /etc/passwd through a link; such a link is a problem
// in `report` and not followed.
std::vector<std::string> list_corpus_files(const std::vector<std::string>& dirs, IngestReport& report,
                                           const ReaderRegistry& registry = ReaderRegistry::builtin(),
                                           const std::vector<std::string>& confined = {});

}  // namespace himoya
