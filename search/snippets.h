// Our own highlighter: it re-reads a provision's text with the same Analyzer
// that indexed it, so what it marks is exactly what matched (Xapian's
// MSet::snippet tokenises differently from our ICU chain).
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "search/search_types.h"

namespace himoya {

struct SnippetOptions {
    size_t window_words = 36;  // words shown around the densest cluster of matches
    // Only this much of a provision is read (cut at a character boundary), so
    // one huge provision cannot make every search that hits it slow.
    size_t max_scan_bytes = 64 * 1024;
};

// The thesaurus labels to mark where they occur as labels (their words in
// order, as the tagger finds them), never word by word: "маҳрум кардан аз
// маблағ" marks no "кардан" elsewhere in a text about economic violence.
struct SnippetLabels {
    const ConceptTagger* tagger = nullptr;
    std::set<std::string> concepts;  // concept ids whose labels are marked
};

// Excerpt of `text` around its densest cluster of words whose canonical term
// or stem is in the given sets, or of `labels`' label occurrences, with those
// words marked.
Snippet make_snippet(Analyzer& analyzer, std::string_view text, std::string_view language,
                     const std::set<std::string>& terms, const std::set<std::string>& stems,
                     const SnippetOptions& options = {}, const SnippetLabels& labels = {});

}  // namespace himoya
