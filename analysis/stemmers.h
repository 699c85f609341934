// One stemmer per language: Xapian's Snowball "english" (after American
// spellings are made British: english_spelling.h) and "russian", and
// for Tajik our TajikStemmer (Xapian has none). Also the key of the folded
// term layer: the folded-mode Tajik stem of a word with its Tajik letters
// folded to keyboard substitutes.
//
// Not thread-safe (Xapian::Stem objects are not): one Stemmers per thread.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <xapian.h>

namespace himoya {

class Stemmers {
public:
    Stemmers();
    // Stem of a canonical word in language "tg", "ru" or "en"; other → the word.
    std::string stem(const std::string& canonical_word, std::string_view language);
    // Folded-layer key of a canonical Cyrillic word: зӯроварӣ, зуровари → зуровар.
    std::string folded_stem(const std::string& canonical_word);

private:
    // Tajik stem and folded key of a word, memoised: Tajik analysis runs two
    // stemmers per word, and word frequencies are Zipfian, so most words repeat.
    const std::pair<std::string, std::string>& tajik(const std::string& word);
    static constexpr size_t kMaxCached = 200000;  // then the memo starts afresh

    Xapian::Stem english_;
    Xapian::Stem russian_;
    Xapian::Stem tajik_;
    Xapian::Stem tajik_folded_;
    std::unordered_map<std::string, std::pair<std::string, std::string>> tajik_memo_;
};

}  // namespace himoya
