#include "analysis/stemmers.h"

#include "analysis/normalizer.h"
#include "analysis/tajik_stemmer.h"
#include "analysis/utf8.h"

namespace himoya {

Stemmers::Stemmers()
    : english_("english"),
      russian_("russian"),
      tajik_(new TajikStemmer(TajikStemmer::Mode::kCanonical)),
      tajik_folded_(new TajikStemmer(TajikStemmer::Mode::kFolded)) {}

std::string Stemmers::stem(const std::string& word, std::string_view language) {
    if (language == "en") return english_(word);
    if (language == "ru") return russian_(word);
    if (language == "tg") return tajik_(word);
    return word;  // numbers and other scripts as they are
}

std::string Stemmers::folded_stem(const std::string& word) {
    return tajik_folded_(fold_tajik_letters_utf8(word));
}

}  // namespace himoya
