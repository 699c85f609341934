// The analyser: one chain, used by the indexer for documents and by the search
// library for queries, so both sides always produce the same terms.
//
//   text → ICU word segmentation → canonical form (homoglyphs, NFKC_Casefold,
//   ё→е, Tajik old-font letters) → stopword flag → stem in the word's
//   language → for Tajik words, the folded key (Tajik letters → keyboard
//   substitutes, then the folded-mode Tajik stem) of the lower-weight layer
//
// Not thread-safe (it owns an ICU BreakIterator and Xapian stemmers): use one
// Analyzer per thread. Construction costs ~0.1 ms; reuse it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/normalizer.h"
#include "analysis/stemmers.h"
#include "analysis/tokenizer.h"
#include "analysis/transliterator.h"

namespace himoya {

struct Token {
    std::string raw;        // the word exactly as in the input
    std::string term;       // canonical form: the unstemmed index term
    std::string stem;       // stem in `lang` (equal to term when not stemmed)
    std::string lang;       // language the word was stemmed as: tg, ru, en or ""
    std::string folded;     // folded-layer key (зӯроварӣ → зуровар): Tajik words, and Cyrillic
                            // words when the language is unknown ("auto"); else ""
    size_t start = 0;       // byte offsets of `raw` in the input
    size_t end = 0;
    unsigned position = 0;  // word position, counting from the first_position given
    bool stopword = false;
};

class Analyzer {
public:
    // Words longer than this (in bytes, canonical) are dropped: Xapian caps terms at 245.
    static constexpr size_t kMaxTermBytes = 120;

    Analyzer() = default;

    // Analyses `text` written in `language` ("tg", "ru", "en", or "auto"/"" for
    // a query whose language is unknown). Invalid UTF-8 is read as U+FFFD.
    // Words longer than kMaxTermBytes are dropped; `too_long`, when given, counts them.
    std::vector<Token> analyze(std::string_view text, std::string_view language,
                               unsigned first_position = 1, size_t* too_long = nullptr);

    // The stems a query word may have in the documents: its own, plus, for a
    // Cyrillic word with no Tajik letter in a query of unknown language, the
    // stem it would have in a Tajik document (and the reverse).
    std::vector<std::string> query_stems(const Token& token, std::string_view query_language);

    // The folded-layer key a query word should also match: set for Cyrillic
    // words unless the query is known to be Russian; "" otherwise.
    std::string query_folded(const Token& token, std::string_view query_language);

    // Tajik Cyrillic for Latin-script Tajik ("jumhurii" → "ҷумҳурии"); the
    // transliterator is built on first use.
    std::string latin_to_tajik(std::string_view latin);

    // Every Tajik Cyrillic reading of Latin-script Tajik a search tries: the
    // one latin_to_tajik gives, then, when it differs, the one that reads a
    // z/k/s + "ho" + ending at a word's end as the stem's з/к/с and the plural
    // suffix -ҳо ("markazhoi": "маркажои", "марказҳои";
    // TajikTransliterator::to_cyrillic_plural). Latin spelling cannot tell
    // "kudakho" (кӯдакҳо) from "tamosho" (тамошо); the index decides.
    std::vector<std::string> latin_tajik_spellings(std::string_view latin);

    // Latin-script Tajik as thesaurus labels and names are matched against it:
    // its Cyrillic reading with the six Tajik letters folded, analysed as
    // Tajik. Latin spelling is no surer of them than a Russian keyboard
    // (nikohi barvaqti writes i for ӣ), so the words match as substitute
    // spellings do (ConceptTagger::match).
    // plural: read with the plural reading (latin_tajik_spellings).
    std::vector<Token> latin_tajik_reading(std::string_view latin, bool plural = false);

    // Canonical form of one word (no segmentation).
    std::string canonical(std::string_view word);

    // The stem of a canonical word in a language (for callers that already hold terms).
    std::string stem(const std::string& canonical_word, std::string_view language) {
        return stemmers_.stem(canonical_word, language);
    }
    std::string folded_stem(const std::string& canonical_word) { return stemmers_.folded_stem(canonical_word); }

private:
    Tokenizer tokenizer_;
    Normalizer normalizer_;
    Stemmers stemmers_;
    std::unique_ptr<TajikTransliterator> transliterator_;
};

}  // namespace himoya
