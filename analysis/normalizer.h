// Canonical form of one word, the same at index and query time:
// NFKC_Casefold (also drops soft hyphens, ZWNJ, BOM), Russian ё→е, and the
// Tajik old-font letters (ў њ ї ќ љ ѓ) mapped to ӯ ҳ ӣ қ ҷ ғ.
//
// Thread-safe: holds only ICU's immutable singleton normaliser.
#pragma once

#include <string>

#include <unicode/unistr.h>

namespace himoya {

class Normalizer {
public:
    Normalizer();
    // Canonical form of a word given in UTF-16 (as the tokenizer produces it).
    icu::UnicodeString canonical(const icu::UnicodeString& word) const;
    std::string canonical_utf8(const std::string& word) const;

private:
    const void* nfkc_casefold_;  // const icu::Normalizer2*, kept opaque to keep ICU out of callers
};

// Maps the letters Tajik shares with Russian keyboards' substitutes to their
// plain look-alikes (ҷ→ч ҳ→х қ→к ғ→г ӯ→у ӣ→и). Used for the folded term layer.
icu::UnicodeString fold_tajik_letters(const icu::UnicodeString& canonical_word);

}  // namespace himoya
