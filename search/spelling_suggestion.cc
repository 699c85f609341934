#include "search/spelling_suggestion.h"

#include <algorithm>

#include "analysis/normalizer.h"
#include "analysis/term_scheme.h"

namespace himoya {
namespace {

// Of the corpus words that differ from `word` only in Tajik letters and their
// keyboard substitutes (зӯровари, зӯроварӣ), the commonest: a suggestion in
// the spelling the texts use most, never a rare variant that is itself a slip.
std::string commonest_spelling(const Xapian::Database& db, const std::string& word) {
    if (word.empty()) return word;
    std::string key = std::string(terms::kFoldedSpelling) + fold_tajik_letters_utf8(word);
    std::string best = word;
    Xapian::doccount best_frequency = db.get_termfreq(word);
    for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
        Xapian::doccount frequency = db.get_termfreq(*it);
        if (frequency > best_frequency) {
            best_frequency = frequency;
            best = *it;
        }
    }
    return best;
}

// Letters in a UTF-8 word (continuation bytes not counted).
size_t letters(const std::string& word) {
    return static_cast<size_t>(std::count_if(word.begin(), word.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// How many edits a suggestion may be from a word of `n` letters: two edits
// make almost any short word into another ("ҳукм" into "ук", "ҳукми" into
// the ordinal ending "уми"), so words up to five letters get one, and words
// of two letters or fewer none.
unsigned max_edits(size_t n) { return n <= 2 ? 0 : n <= 5 ? 1 : 2; }

// Whether the word is in the texts under another spelling of its Tajik
// letters ("химояви" for "ҳимоявӣ"): the suggestion is that spelling, not the
// nearest word by edits ("ҳимоявии").
bool known_folded(const Xapian::Database& db, const std::string& word) {
    const std::string key = std::string(terms::kFoldedSpelling) + fold_tajik_letters_utf8(word);
    return db.synonyms_begin(key) != db.synonyms_end(key);
}

}  // namespace

std::optional<std::string> spelling_suggestion(const Xapian::Database& db, const BuiltQuery& built, const std::string& query) {
    std::string suggestion;
    size_t cursor = 0;
    bool changed = false;
    for (const QueryWord& w : built.words) {
        if (w.in_label || db.term_exists(w.term)) continue;
        if (std::any_of(w.reading_terms.begin(), w.reading_terms.end(),
                        [&](const std::string& t) { return db.term_exists(t); }))
            continue;  // "tojikiston" is known as тоҷикистон
        std::string better;
        if (known_folded(db, w.term)) {
            better = commonest_spelling(db, w.term);  // its Tajik letters, as the texts write them
        } else {
            const unsigned edits = max_edits(letters(w.term));
            if (edits == 0) continue;
            better = commonest_spelling(db, db.get_spelling_suggestion(w.term, edits));
        }
        if (better.empty() || better == w.term) continue;
        suggestion += query.substr(cursor, w.start - cursor) + better;
        cursor = w.end;
        changed = true;
    }
    if (!changed) return std::nullopt;
    return suggestion + query.substr(cursor);
}

bool names_more_concepts(const BuiltQuery& typed, const BuiltQuery& suggested) {
    return std::any_of(suggested.matched_concepts.begin(), suggested.matched_concepts.end(),
                       [&](const std::string& c) { return typed.matched_concepts.count(c) == 0; });
}

}  // namespace himoya
