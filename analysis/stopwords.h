// Function words of Tajik, Russian and English. They are indexed (with
// positions, so phrases match) but left out of free-text queries.
#pragma once

#include <string_view>

namespace himoya {

// `canonical_word` must already be normalised (Normalizer::canonical).
bool is_stopword(std::string_view canonical_word);

}  // namespace himoya
