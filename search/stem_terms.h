// The query side of the stem and folded layers (docs/term-scheme.md, "Layers
// stored only where they differ"). The indexer writes a word's `Z` stem only
// when it differs from the word itself, and its `XF` folded stem only when it
// differs from its stem: a stem is therefore found as the `Z` term or as the
// plain word, a folded stem as the `XF` term, the `Z` term or the plain word.
// OP_SYNONYM weighs the alternatives as one term, as the single term was.
// A stopword's plain term is never one of them: stopwords are indexed for
// phrases but have no stem, so a stem equal to a stopword ("о", the Russian
// stem of Tajik "оила") is found only as the `Z` term.
// Pure functions.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/stopwords.h"
#include "analysis/term_scheme.h"

namespace himoya {

// The terms that hold a word whose stem is `stem` (`title`: in the title
// field): its `Z` term, and the plain word unless the stem is a stopword.
inline std::vector<std::string> stem_terms(const std::string& stem, bool title = false) {
    std::vector<std::string> out{std::string(title ? terms::kTitleStem : terms::kStem) + stem};
    if (!is_stopword(stem)) out.push_back(title ? std::string(terms::kTitle) + stem : stem);
    return out;
}

// The terms that hold a Tajik word whose folded stem is `folded`.
inline std::vector<std::string> folded_terms(const std::string& folded) {
    std::vector<std::string> out{std::string(terms::kFolded) + folded, std::string(terms::kStem) + folded};
    if (!is_stopword(folded)) out.push_back(folded);
    return out;
}

// One term, or a synonym of several.
inline Xapian::Query synonym_query(const std::vector<std::string>& alternatives) {
    if (alternatives.size() == 1) return Xapian::Query(alternatives.front());
    std::vector<Xapian::Query> forms(alternatives.begin(), alternatives.end());
    return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
}

// Records holding a word whose stem is `stem` (`title`: in the title field).
inline Xapian::Query stem_query(const std::string& stem, bool title = false) {
    return synonym_query(stem_terms(stem, title));
}

// Records holding a Tajik word whose folded stem is `folded`.
inline Xapian::Query folded_query(const std::string& folded) { return synonym_query(folded_terms(folded)); }

// How many records hold a word whose stem is `stem`: at least the larger
// layer's count, at most their sum (capped at the record count), which is
// what is returned.
inline Xapian::doccount stem_frequency(const Xapian::Database& db, const std::string& stem) {
    Xapian::doccount n = db.get_termfreq(std::string(terms::kStem) + stem);
    if (!is_stopword(stem)) n += db.get_termfreq(stem);
    return std::min(n, db.get_doccount());
}

}  // namespace himoya
