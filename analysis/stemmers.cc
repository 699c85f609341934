#include "analysis/stemmers.h"

#include "analysis/english_spelling.h"
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
    if (language == "en") return english_(british_spelling(word));
    if (language == "ru") return russian_(word);
    if (language == "tg") return tajik(word).first;
    return word;  // numbers and other scripts as they are
}

std::string Stemmers::folded_stem(const std::string& word) { return tajik(word).second; }

const std::pair<std::string, std::string>& Stemmers::tajik(const std::string& word) {
    auto it = tajik_memo_.find(word);
    if (it != tajik_memo_.end()) return it->second;
    if (tajik_memo_.size() >= kMaxCached) tajik_memo_.clear();
    return tajik_memo_.emplace(word, std::make_pair(tajik_(word), tajik_folded_(fold_tajik_letters_utf8(word))))
        .first->second;
}

}  // namespace himoya
