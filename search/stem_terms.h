// The query side of the stem and folded layers (docs/term-scheme.md, "Layers
// stored only where they differ"). The indexer writes a word's `Z` stem only
// when it differs from the word itself, and its `XF` folded stem only when it
// differs from its stem: a stem is therefore found as the `Z` term or as the
// plain word, a folded stem as the `XF` term, the `Z` term or the plain word.
// OP_SYNONYM weighs the alternatives as one term, as the single term was.
// Pure functions.
#pragma once

#include <string>

#include <xapian.h>

#include "analysis/term_scheme.h"

namespace himoya {

// Records holding a word whose stem is `stem` (`title`: in the title field).
inline Xapian::Query stem_query(const std::string& stem, bool title = false) {
    const std::string word = title ? std::string(terms::kTitle) + stem : stem;
    const std::string stemmed = std::string(title ? terms::kTitleStem : terms::kStem) + stem;
    return Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query(stemmed), Xapian::Query(word));
}

// Records holding a Tajik word whose folded stem is `folded`.
inline Xapian::Query folded_query(const std::string& folded) {
    const Xapian::Query forms[] = {Xapian::Query(std::string(terms::kFolded) + folded),
                                   Xapian::Query(std::string(terms::kStem) + folded), Xapian::Query(folded)};
    return Xapian::Query(Xapian::Query::OP_SYNONYM, std::begin(forms), std::end(forms));
}

// How many records hold a word whose stem is `stem`: at least this, at most
// the two layers' sum (capped at the record count), which is what is returned.
inline Xapian::doccount stem_frequency(const Xapian::Database& db, const std::string& stem) {
    Xapian::doccount n = db.get_termfreq(std::string(terms::kStem) + stem) + db.get_termfreq(stem);
    return std::min(n, db.get_doccount());
}

}  // namespace himoya
