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

// Language of a whole text by the share of its words: "tg", "ru", "en" or "".
std::string detect_language(std::string_view utf8_text);

// Normalises a language parameter: "tg"/"ru"/"en"/"auto"; anything else → "".
std::string normalize_language_code(std::string_view code);

}  // namespace himoya
