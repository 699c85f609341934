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
#include "analysis/record_codec.h"
#include "indexer/concept_plan.h"
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

// When a document entered the index and when its source last changed (UTC,
// "YYYY-MM-DDTHH:MM:SS.mmmZ", term_scheme.h kSlotIndexed): the indexer
// decides them (indexer.cc: kept from the previous generation), the builder
// writes them into every record of the document. Empty: the time of build().
struct IndexStamp {
    std::string indexed, updated;
};

// The current UTC time in the stamp format.
std::string index_stamp_now();

class RecordBuilder {
public:
    // Tags provisions with the concepts whose labels they contain (none if null).
    // The tagger must outlive the builder.
    explicit RecordBuilder(const ConceptTagger* tagger = nullptr) : tagger_(tagger) {}
    void set_tagger(const ConceptTagger* tagger) { tagger_ = tagger; }
    // Takes provisions' concepts from `plan` (agreed across language versions);
    // a provision the plan lacks is judged on its own. Must outlive the builder.
    void set_plan(const ConceptPlan* plan) { plan_ = plan; }
    Analyzer& analyzer() { return analyzer_; }

    PreparedDocument build(const Document& document, const IndexStamp& stamp = {});

    // A document's title words as its records index them: the title's
    // tokens, then each popular name's (lang, name) after a gap, without the
    // words the title already has (a name repeating the title would double
    // their weight in every provision). IndexWriter takes the same words
    // back from the spelling table, so both read them here.
    static std::vector<Token> title_tokens(Analyzer& analyzer, const std::string& title, const std::string& lang,
                                           const std::vector<std::pair<std::string, std::string>>& aliases);

private:
    // A provision's record; its words are also added to `whole`, the
    // document's record, without positions (analysed once for both).
    Xapian::Document provision_record(const Document& document, const Provision& provision, Xapian::Document& whole);
    // Completes the document's record: its title, metadata and data.
    void document_record(const Document& document, Xapian::Document& whole);
    // The stamp's slot and fields on one record.
    void add_stamp(Xapian::Document& record, StoredRecord& data, const Document& document) const;
    // `topics`: the concepts the record is about; `mentions`: those it only mentions.
    void add_metadata_terms(Xapian::Document& record, const Document& document,
                            const std::vector<std::string>& topics, const std::vector<std::string>& mentions);
    // Indexes analysed tokens: the words at their positions (or, with
    // `positional` false, only their frequencies), stems, folded keys; `title`:
    // also as title terms. `spelling`: count the words for "did you mean".
    void index_tokens(Xapian::Document& record, const std::vector<Token>& tokens, bool title, bool positional,
                      bool spelling);
    // The position after `tokens` (from `position` when there are none), with
    // the gap that keeps phrases from spanning fields.
    static unsigned next_position(const std::vector<Token>& tokens, unsigned position);

    Analyzer analyzer_;
    const ConceptTagger* tagger_ = nullptr;
    const ConceptPlan* plan_ = nullptr;
    PreparedDocument* out_ = nullptr;  // the document being built
    IndexStamp stamp_;                 // its stamp
    std::vector<Token> title_tokens_;  // its title, analysed once for all its records
};

}  // namespace himoya
