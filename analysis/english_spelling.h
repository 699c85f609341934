// American and British spellings of one English word, made one before
// stemming: "programs" and "programmes", "behavior" and "behaviour",
// "criminalize" and "criminalise", "center" and "centre", "defense" and
// "defence", "counseling" and "counselling". The corpus holds both (US
// statutes, Council of Europe and UN texts), users type either, and Snowball's
// English stemmer keeps them apart ("program" / "programm"). Used by the
// stemmer on both the index and the query side (analysis is one), so only
// stems change; the words as written stay as they are (phrases, exact-form
// boost, highlighting). Pure function of the lower-case word.
#pragma once

#include <string>

namespace himoya {

// The British spelling of a lower-case English word where it differs by a
// spelling convention (-ize/-ise, -yze/-yse, -or/-our, -er/-re, -ense/-ence,
// -l-/-ll-, a few single words); the word itself otherwise.
std::string british_spelling(const std::string& word);

}  // namespace himoya
