// Canonical form of one word, the same at index and query time:
//   1. look-alike letters of the other script inside a word are replaced when
//      the word is clearly Cyrillic (Latin a e o p c x y ... → Cyrillic) or
//      clearly Latin (the reverse), and only when every foreign letter has a
//      look-alike — so "iPhone" or a real mixed token stays as it is;
//   2. NFKC_Casefold (composes и/у + combining macron into ӣ/ӯ; drops soft
//      hyphens, ZWNJ, BOM);
//   3. Russian ё→е; Tajik old-font letters ў њ ї ќ љ ѓ → ӯ ҳ ӣ қ ҷ ғ and
//      the look-alikes of other Cyrillic alphabets һ ҝ ҹ → ҳ қ ҷ;
//   4. a word-final й after a consonant → ӣ (the Russian-keyboard substitute:
//      зуроварй is зӯроварӣ typed without Tajik letters).
// English words (all Latin) pass step 1 untouched.
//
// Thread-safe: holds only ICU's immutable singleton normaliser.
#pragma once

#include <string>
#include <string_view>

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

// Replaces homoglyphs of the minority script (step 1 above). Exposed for tests.
icu::UnicodeString fix_homoglyphs(const icu::UnicodeString& word);

// Maps the letters Tajik shares with Russian keyboards' substitutes to their
// plain look-alikes (ҷ→ч ҳ→х қ→к ғ→г ӯ→у ӣ→и). Used for the folded term layer.
icu::UnicodeString fold_tajik_letters(const icu::UnicodeString& canonical_word);
char32_t fold_tajik_letter(char32_t c);  // one letter; any other character is returned as it is
std::string fold_tajik_letters_utf8(std::string_view canonical_word);

// True when the canonical word holds a letter that folding changes.
bool has_foldable_letter(std::string_view canonical_word);

// True when the canonical word may be Tajik typed with keyboard substitutes:
// it holds no Tajik letter, or only a final ӣ, which step 4 may have made of
// a й ("зуроварӣ" from "зуроварй" is as plain as "зуровари"). A word typed
// with its Tajik letters ("ҳуқуқи") is taken as spelled.
bool may_be_substitute_spelling(std::string_view canonical_word);

}  // namespace himoya
