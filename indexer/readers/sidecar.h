// The metadata sidecar of a file that carries none of its own in our format:
// NAME.meta.xml next to NAME.txt / .html / .pdf / .docx / .odt, whose root is
// the corpus format's <meta xmlns="urn:himoya:corpus:1"> (optionally with
// id="..."; docs/corpus-format.md, "Plain text and HTML"). Shared by the text
// reader and the office readers (PDF, DOCX, ODT) so they read it the same way.
//
// Reading without the sidecar (`himoya add`, which infers the metadata from
// the text before it writes a sidecar): while a SidecarNotRequired object is
// alive on a thread, read_sidecar on that thread does not open any sidecar;
// it leaves the metadata empty (language "und", so that a legacy Tajik font
// is still decided on the text alone, legacy_tajik.h), sets the document id
// from the file name, and lets the reader go on to the text. Indexing never
// creates one, so its behaviour is unchanged. read_document_without_sidecar
// below is the one entry point that does.
//
// Thread-safety: plain functions; the "not required" mode is a thread_local
// flag, so a scope on one thread never changes reads on another.
#pragma once

#include <optional>
#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/readers/registry.h"

namespace himoya {

// "dir/manual.txt" -> "dir/manual.meta.xml"
std::string sidecar_path(const std::string& path);

// Fills `doc`'s metadata, document_id (the sidecar's id attribute, else the
// slug of the file name) and work_id (defaults to the id) from the sidecar
// of `path`. A missing or bad sidecar is a skip in `report` (naming `path`,
// or the sidecar and its line) and false; the document file itself need not
// be opened before this.
// With a SidecarNotRequired alive on this thread: reads no sidecar, fills
// only document_id and work_id (the slug of the file name; a name that gives
// none is a skip) and language "und", and returns true.
bool read_sidecar(const std::string& path, Document& doc, IngestReport& report);

// While alive, read_sidecar on this thread requires no sidecar (above).
// Scopes nest; not movable or copyable, so it cannot leave its thread.
class SidecarNotRequired {
public:
    SidecarNotRequired();
    ~SidecarNotRequired();
    SidecarNotRequired(const SidecarNotRequired&) = delete;
    SidecarNotRequired& operator=(const SidecarNotRequired&) = delete;

private:
    bool previous_;
};

// Reads a file's text and structure with the registry's reader for it, as
// indexing would, but with the metadata left empty for the readers that take
// it from a sidecar (.txt, .html, .htm, .pdf, .docx, .odt): a sidecar next to
// the file, if any, is not read. Files that carry their own metadata (corpus
// XML, Akoma Ntoso) are read as usual, metadata included. Problems go to
// `report` as when indexing; never throws.
std::optional<Document> read_document_without_sidecar(const std::string& path, IngestReport& report,
                                                      const ReaderRegistry& registry = ReaderRegistry::builtin());

}  // namespace himoya
