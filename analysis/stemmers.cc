#include "analysis/stemmers.h"

namespace himoya {

Stemmers::Stemmers() : english_("english"), russian_("russian") {}

std::string Stemmers::stem(const std::string& word, std::string_view language) {
    if (language == "en") return english_(word);
    if (language == "ru") return russian_(word);
    return word;  // Tajik: identity until the Tajik stemmer lands; numbers and others as they are
}

}  // namespace himoya
