// Which language a word or a text is in, as far as analysis needs to know:
// "tg", "ru", "en", or "" when it cannot tell (numbers, other scripts).
#pragma once

#include <string>
#include <string_view>

#include <unicode/unistr.h>

namespace himoya {

enum class Script { kLatin, kCyrillic, kOther };

// Script of a canonical word (the first letter that has one decides).
Script word_script(const icu::UnicodeString& word);

// True when the word holds a letter only Tajik Cyrillic has (ғ ӣ қ ӯ ҳ ҷ).
bool has_tajik_letter(const icu::UnicodeString& word);

// The language to stem a word with. `context` is the document's language
// (or "auto"/"" for a query): Latin words are English, Cyrillic words with a
// Tajik letter are Tajik, other Cyrillic words follow the context (Russian
// when the context is not Tajik).
std::string word_language(const icu::UnicodeString& word, std::string_view context);

// Language of a whole text: "tg", "ru", "en", or "" (other / cannot tell).
// Script first (Cyrillic or Latin majority), then character-trigram profiles
// (analysis/langid_profiles.cc, trained on the UDHR): tg vs ru for Cyrillic —
// the tg profile includes Tajik with its letters folded, so Tajik typed on a
// Russian keyboard is still Tajik — and en vs Latin-script Tajik for Latin.
// Thread-safe (profiles are built once, then only read).
struct LanguageGuess {
    std::string lang;          // tg, ru, en or ""
    bool latin_tajik = false;  // tg written in Latin letters (qonuni jumhurii ...)
    double margin = 0;         // log-likelihood lead of the winner per trigram
};
LanguageGuess identify_language(std::string_view utf8_text);
std::string detect_language(std::string_view utf8_text);

// The language to analyse one passage (a provision) of a document in. The
// document's declared language, except: a passage of ≥ 5 words that is
// clearly the other Cyrillic language (a Russian quotation in a Tajik law,
// or the reverse) takes that one; and a document whose language is not tg,
// ru or en ("und", AKN without FRBRlanguage) takes whatever the passage is.
std::string passage_language(std::string_view declared, std::string_view utf8_text);

// Normalises a language parameter: "tg"/"ru"/"en"/"auto"; anything else → "".
std::string normalize_language_code(std::string_view code);

}  // namespace himoya
