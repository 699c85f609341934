// Reads corpus files and builds their records on several threads, handing the
// results to one consumer (the index writer) in file order, so that a
// parallel build writes exactly what a serial one writes.
//
// Xapian has one writer per database, and writing is the larger half of
// indexing; reading, analysis, tagging and record building (RecordBuilder)
// are the other half and run here, overlapped with the writing.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/concept_tagger.h"
#include "indexer/concept_plan.h"
#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/record_builder.h"

namespace himoya {

struct BuiltFile {
    std::string file;
    long bytes = 0;                             // size of the source file
    IngestReport report;                        // this file's problems and counts only
    std::optional<Document> document;           // nullopt: the file was skipped
    std::string source_hash;                    // of the file's bytes (and the hash salt)
    std::optional<PreparedDocument> prepared;   // nullopt when `unchanged` said so
};

struct PipelineOptions {
    int threads = 1;  // builder threads; 1 = everything on the calling thread
    const ConceptTagger* tagger = nullptr;
    const ConceptPlan* plan = nullptr;  // provisions' concepts across language versions (optional)
    std::string hash_salt;  // mixed into source_hash (e.g. the thesaurus: a new one retags everything)
    // Whether the document with this id and source hash is already indexed as
    // it is (incremental builds): then its records are not built. Called from
    // builder threads: must be safe for that (e.g. a lookup in a fixed map).
    std::function<bool(const std::string& document_id, const std::string& hash)> unchanged;
    // When the document with this id and source hash entered the index and
    // was last changed (record_builder.h); unset: now. Called from builder
    // threads, like `unchanged`.
    std::function<IndexStamp(const std::string& document_id, const std::string& hash)> stamp;
};

// Calls `consume` once per file, in the order of `files`, on the calling
// thread. An exception from a builder or from `consume` stops the run and is
// rethrown here, after every thread has stopped.
void run_document_pipeline(const std::vector<std::string>& files, const PipelineOptions& options,
                           const std::function<void(BuiltFile&)>& consume);

// FNV-1a 64 of salt + bytes as 16 hex digits (std::hash is not stable across builds).
std::string content_hash(const std::string& bytes, const std::string& salt);

}  // namespace himoya
