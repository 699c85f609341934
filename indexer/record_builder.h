// Turns one Document into Xapian records, without touching a database: one
// record per provision and one for the whole document, with the terms, values
// and data of docs/term-scheme.md, plus the spelling and synonym entries they
// bring. IndexWriter writes the result.
//
// Building is most of the indexer's own work (analysis, tagging, term lists),
// so the indexer runs one RecordBuilder per thread and a single writer
// (indexer.cc). One builder is not thread-safe (it owns an Analyzer); the
// tagger is shared, read-only.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "indexer/document.h"

namespace himoya {

// One document's records, ready to write. A Xapian::Document is not safe to
// share between threads; a PreparedDocument is handed over whole and then
// used by one thread only.
struct PreparedDocument {
    std::string document_id;
    int provisions = 0;
    std::vector<std::pair<std::string, Xapian::Document>> records;  // unique-id term, record
    std::unordered_map<std::string, Xapian::termcount> spelling;   // word → occurrences
    std::set<std::pair<std::string, std::string>> synonyms;        // (key, term)
};

class RecordBuilder {
public:
    // Tags provisions with the concepts whose labels they contain (none if null).
    // The tagger must outlive the builder.
    explicit RecordBuilder(const ConceptTagger* tagger = nullptr) : tagger_(tagger) {}
    void set_tagger(const ConceptTagger* tagger) { tagger_ = tagger; }
    Analyzer& analyzer() { return analyzer_; }

    PreparedDocument build(const Document& document);

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

    Analyzer analyzer_;
    const ConceptTagger* tagger_ = nullptr;
    PreparedDocument* out_ = nullptr;  // the document being built
};

}  // namespace himoya
