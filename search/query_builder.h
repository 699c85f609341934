// Turns the user's query string into a Xapian::Query through the same Analyzer
// that indexed the documents (the symmetry Xapian's TermGenerator/QueryParser
// pair has). Syntax: words (AND by default), "phrases", OR, AND, NOT, -word,
// +word, (groups), title:word, title:"phrase". Stopwords are dropped outside
// phrases unless the query has nothing else.
//
// Not thread-safe: uses the caller's Analyzer.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"

namespace himoya {

// A query matching every document. Use this, never Xapian::Query::MatchAll:
// that is one static object, and Xapian 1.4 counts references to a query
// without atomics, so copies of it made by several threads at once corrupt
// the count (ASan saw a use-after-free under load). This builds a new one.
inline Xapian::Query match_all() { return Xapian::Query(std::string()); }

struct QueryWord {
    std::string raw;   // as typed
    std::string term;  // canonical
    size_t start = 0, end = 0;  // byte range in the query string
    std::vector<std::string> reading_terms;  // index terms of other readings searched (Latin Tajik → Cyrillic)
};

struct BuiltQuery {
    Xapian::Query query;      // match_all() when the query is empty
    bool empty = true;        // nothing searchable: browse
    std::set<std::string> highlight_terms;  // canonical words to mark in snippets
    std::set<std::string> highlight_stems;  // their stems, in every language tried
    std::vector<QueryWord> words;           // positive words, for spelling suggestions
    std::set<std::string> matched_concepts; // thesaurus concepts the query expanded to
};

class QueryBuilder {
public:
    static constexpr int kMaxDepth = 32;  // nesting of parentheses and NOTs

    explicit QueryBuilder(Analyzer& analyzer) : analyzer_(analyzer) {}
    // The index whose vocabulary respells substitute spellings ("зуровари" →
    // "зӯроварӣ", terms::kFoldedSpelling); none: no respelling. Must outlive build().
    void set_vocabulary(const Xapian::Database* db) { vocabulary_ = db; }

    // `language` is the query language hint (tg ru en auto). Throws BadRequest
    // for queries it cannot make sense of (e.g. nesting deeper than kMaxDepth).
    BuiltQuery build(std::string_view query, std::string_view language);

private:
    Analyzer& analyzer_;
    const Xapian::Database* vocabulary_ = nullptr;
};

}  // namespace himoya
