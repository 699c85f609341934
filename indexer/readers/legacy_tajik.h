// Tajik text typed in a legacy font: before Unicode had (or fonts showed) the
// Tajik letters ғ ӣ қ ӯ ҳ ҷ, Tajik documents were typed with other Cyrillic
// code points whose glyphs a Tajik font redrew. Read without that font, the
// text shows the wrong letters ("Љумњурии Тољикистон", "Ѕонуни Їуміурии
// Тоїикистон") and a search for "Ҷумҳурии Тоҷикистон" misses it. This module
// decides, per document, which scheme (if any) a text was typed in, and
// converts it to the real letters.
//
// Two schemes are known (the tables, with where each mapping was confirmed,
// are in legacy_tajik.cc and docs/corpus-format.md):
//   look-alike:    ў њ ї ќ љ ѓ → ӯ ҳ ӣ қ ҷ ғ (and capitals): letters of other
//                  Cyrillic alphabets (Belarusian, Serbian, Macedonian,
//                  Ukrainian) that look like the Tajik ones;
//   legal portal:  ѕ ї і љ → қ ҷ ҳ ғ (and capitals), as on Tajik legal portals.
// The same letters ї and љ are ӣ and ҷ in the first but ҷ and ғ in the second, so the choice is
// made from evidence: which reading yields more common Tajik words
// (is_common_tajik_word), and, when that ties, which scheme's own letters
// (those the other scheme does not use) occur at all.
//
// Only Tajik documents are converted (language "tg"), or documents whose
// language is undetermined ("und", "mul", "zxx") and whose text is mostly
// Cyrillic; a Russian, Ukrainian or any other document is never touched, so
// Russian text quoting і or ї stays as written.
//
// Public so every reader can call it on the text it extracted: the text/HTML
// reader does (text_reader.cc); the PDF and DOCX readers (issue "office") are
// meant to call fix_legacy_tajik() the same way on their text.
//
// Thread-safe: pure functions over immutable tables.
#pragma once

#include <string>
#include <string_view>

namespace himoya {

enum class TajikFontScheme {
    none,          // not converted (not Tajik, no legacy letters, or undecided)
    lookalike,     // ў њ ї ќ љ ѓ → ӯ ҳ ӣ қ ҷ ғ
    legal_portal,  // ѕ ї і љ → қ ҷ ҳ ғ
};

// "look-alike", "legal-portal" or "none", for messages.
const char* scheme_name(TajikFontScheme scheme);

// What the evidence in one document says.
struct LegacyTajikDecision {
    TajikFontScheme scheme = TajikFontScheme::none;
    bool eligible = false;        // the language allows conversion at all
    int legacy_letters = 0;       // letters of either scheme found in the text
    int known_as_is = 0;          // common Tajik words in the text as written
    int known_lookalike = 0;      // ... read in the look-alike scheme
    int known_legal_portal = 0;   // ... read in the legal-portal scheme
    // Legacy letters were found in an eligible document but the evidence did
    // not choose a scheme: the text is left as written, and this is reported.
    bool undecided = false;
    int converted = 0;            // letters changed by fix_legacy_tajik

    // Whether the ingest report should say something about this document.
    bool worth_a_note() const { return scheme != TajikFontScheme::none || undecided; }
    // One line for the ingest report: the scheme chosen and the evidence.
    std::string note() const;
};

// Decides the scheme of `text` (UTF-8) for a document in `language` (its
// sidecar's ISO 639 code). Does not change anything.
LegacyTajikDecision decide_legacy_tajik(std::string_view text, std::string_view language);

// `text` with the letters of `scheme` replaced by the Tajik ones; `changed`
// (when given) receives how many letters were replaced. Other text is kept
// byte for byte.
std::string convert_legacy_tajik(std::string_view text, TajikFontScheme scheme, int* changed = nullptr);

// Decides on `text` and converts it in place; the one call a reader needs.
// `also` (the document's title, for one) is converted with the same scheme
// and counts as evidence too.
LegacyTajikDecision fix_legacy_tajik(std::string& text, std::string_view language, std::string* also = nullptr);

// Whether `lower_word` (lower case, real Tajik letters) is one of the common
// Tajik words the decisions above count (the list is in legacy_tajik.cc; an
// izofat -и or object -ро ending is allowed).
bool is_common_tajik_word(std::u32string_view lower_word);

// How many words of `text` (UTF-8) are common Tajik words, read as written
// and, when `through_schemes`, also through either legacy scheme (a word
// counts once). Used by charset detection (text_encoding.h) to tell which
// decoding of a file yields Tajik.
int count_common_tajik_words(std::string_view text, bool through_schemes);

}  // namespace himoya
