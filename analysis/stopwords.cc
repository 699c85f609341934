#include "analysis/stopwords.h"

#include <string>
#include <unordered_set>

namespace himoya {
namespace {

// A short hand-checked list: only words that carry no meaning in a legal query.
// Negations (не, нет, no, not, на-) are deliberately absent: "not" changes a rule.
const std::unordered_set<std::string_view>& stopword_set() {
    static const std::unordered_set<std::string_view> words = {
        // English
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
        "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which",
        "with",
        // Russian
        "а", "в", "во", "и", "или", "к", "ко", "на", "о", "об", "от", "по", "с", "со", "у", "для",
        "из", "за", "что", "это", "как", "так", "его", "ее", "их", "при", "же", "бы", "ли",
        // Tajik (canonical forms)
        "ва", "дар", "бо", "аз", "ба", "ки", "то", "е", "ин", "он", "барои", "бораи", "низ",
        "ҳам", "аст", "мебошад", "буд", "шуда", "оид",
    };
    return words;
}

}  // namespace

bool is_stopword(std::string_view canonical_word) { return stopword_set().count(canonical_word) > 0; }

}  // namespace himoya
