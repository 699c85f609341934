// Writes documents into one WritableDatabase: their records (RecordBuilder),
// spelling and synonym entries; deletes them again.
//
// Not thread-safe: one writer per database. To build in parallel, run
// RecordBuilders on other threads and pass their output to write().
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include <xapian.h>

#include "indexer/document.h"
#include "indexer/record_builder.h"

namespace himoya {

class IndexWriter {
public:
    explicit IndexWriter(Xapian::WritableDatabase& db) : db_(db) {}

    // Tags provisions with the concepts whose labels they contain (none if unset).
    // The tagger must outlive the writer.
    void set_tagger(const ConceptTagger* tagger) { builder_.set_tagger(tagger); }
    // The plan must outlive the writer.
    void set_plan(const ConceptPlan* plan) { builder_.set_plan(plan); }
    Analyzer& analyzer() { return builder_.analyzer(); }

    // Adds (or replaces, by unique id) the document and all its provisions.
    // Returns the number of provision records written.
    int add(const Document& document);
    // The same for a document built elsewhere (RecordBuilder::build), except that
    // its spelling data is only summed up: flush_spelling() writes it (one
    // add_spelling per word instead of one per word per document).
    int write(PreparedDocument&& prepared);
    // Writes the spelling data summed by write(). Call before committing.
    void flush_spelling();

    // Deletes the document and its provisions, and takes back the spelling data
    // add() gave for them (their stored text analysed again). Returns the number
    // of records deleted (0 if the document is not in the index).
    int remove(const std::string& document_id);

    // Copies the document and its provisions as they are from `from` (the
    // current generation, into a full build that keeps the version indexed
    // before of a document whose source cannot be read now: build_index),
    // with the spelling data remove() would take back for them. Returns the
    // number of records copied (0 if `from` does not hold the document).
    int copy_from(Xapian::Database& from, const std::string& document_id);

private:
    Xapian::WritableDatabase& db_;
    RecordBuilder builder_;
    std::unordered_map<std::string, Xapian::termcount> pending_spelling_;
    std::set<std::pair<std::string, std::string>> synonyms_written_;  // this run's, written once each
};

}  // namespace himoya
