// Turns one Document into Xapian documents: one per provision and one for the
// whole document, with the terms, values and data of docs/term-scheme.md.
//
// Not thread-safe: owns an Analyzer and writes to one WritableDatabase.
#pragma once

#include <set>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "indexer/document.h"

namespace himoya {

class IndexWriter {
public:
    explicit IndexWriter(Xapian::WritableDatabase& db) : db_(db) {}

    // Tags provisions with the concepts whose labels they contain (none if unset).
    // The tagger must outlive the writer.
    void set_tagger(const ConceptTagger* tagger) { tagger_ = tagger; }
    Analyzer& analyzer() { return analyzer_; }

    // Adds (or replaces, by unique id) the document and all its provisions.
    // Returns the number of provision records written.
    int add(const Document& document);

    // Deletes the document and its provisions, and takes back the spelling data
    // add() gave for them (their stored text analysed again). Returns the number
    // of records deleted (0 if the document is not in the index).
    int remove(const std::string& document_id);

private:
    // Adds the provision's topics to `topics_seen`.
    Xapian::Document provision_record(const Document& document, const Provision& provision,
                                      std::set<std::string>& topics_seen);
    Xapian::Document document_record(const Document& document, const std::set<std::string>& topics);
    void add_metadata_terms(Xapian::Document& record, const Document& document,
                            const std::vector<std::string>& topics);
    // Indexes `text` at positions from `position`; returns the next free position.
    // When `collected` is given, the analysed tokens are appended to it.
    unsigned index_text(Xapian::Document& record, const std::string& text, const std::string& lang,
                        unsigned position, bool title, std::vector<Token>* collected = nullptr);

    Xapian::WritableDatabase& db_;
    Analyzer analyzer_;
    const ConceptTagger* tagger_ = nullptr;
    std::unordered_map<std::string, Xapian::termcount> spelling_;  // words of the document being added
};

}  // namespace himoya
