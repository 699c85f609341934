// One stemmer per language: Xapian's Snowball "english" and "russian", and
// for Tajik the identity until a Tajik stemmer exists (Xapian has none).
//
// Not thread-safe (Xapian::Stem objects are not): one Stemmers per thread.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace himoya {

class Stemmers {
public:
    Stemmers();
    // Stem of a canonical word in language "tg", "ru" or "en"; other → the word.
    std::string stem(const std::string& canonical_word, std::string_view language);

private:
    Xapian::Stem english_;
    Xapian::Stem russian_;
};

}  // namespace himoya
