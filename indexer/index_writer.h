// Turns one Document into Xapian documents: one per provision and one for the
// whole document, with the terms, values and data of docs/term-scheme.md.
//
// Not thread-safe: owns an Analyzer and writes to one WritableDatabase.
#pragma once

#include <xapian.h>

#include "analysis/analyzer.h"
#include "indexer/document.h"

namespace himoya {

class IndexWriter {
public:
    explicit IndexWriter(Xapian::WritableDatabase& db) : db_(db) {}

    // Adds (or replaces, by unique id) the document and all its provisions.
    // Returns the number of provision records written.
    int add(const Document& document);

private:
    Xapian::Document provision_record(const Document& document, const Provision& provision);
    Xapian::Document document_record(const Document& document);
    void add_metadata_terms(Xapian::Document& record, const Document& document,
                            const std::vector<std::string>& topics);
    // Indexes `text` at positions from `position`; returns the next free position.
    unsigned index_text(Xapian::Document& record, const std::string& text, const std::string& lang,
                        unsigned position, bool title);

    Xapian::WritableDatabase& db_;
    Analyzer analyzer_;
};

}  // namespace himoya
