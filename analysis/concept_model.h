// Subject indexing learnt from the collection's own. A provision whose markup
// names its subjects (unit topics="…", the editors' indexing: corpus/indexing)
// is about what the editors said; one that no editor has indexed yet — a
// document added with `himoya add`, from an office file or a watched folder —
// had only its heading and first words to go on, and half of what judges say a
// text is about is named by no thesaurus label anywhere in it
// (docs/thesaurus.md, "Texts no editor has indexed").
//
// ConceptModel suggests concepts for such a text from the indexed texts most
// like it: the k nearest by cosine over tf-idf weights of content-word stems
// (the analyser's, so Tajik substitute spellings meet their standard forms),
// in any language (stems of different languages rarely meet), each concept
// scored by the share of the neighbours' similarity that carries it. A
// k-nearest-neighbour subject indexer, like Annif's "knn" backend.
//
// Build: add() every example, then finish(). Immutable after finish():
// suggest() is safe from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"

namespace himoya {

// A text's content words: (hashed stem, count), sorted by hashed stem. The
// heading's words count twice (a heading names the subject).
using TermCounts = std::vector<std::pair<uint32_t, float>>;
TermCounts term_counts(const std::vector<Token>& heading, const std::vector<Token>& text);

class ConceptModel {
public:
    struct Options {
        size_t neighbours = 5;        // k
        double threshold = 0.4;       // a concept's share of the neighbours' similarity to suggest it
        double min_similarity = 0.1;  // neighbours less alike than this do not vote
        double max_df_share = 0.2;    // stems in more of the examples than this (and in more than 10) are ignored
    };
    struct Suggestion {
        std::string concept_id;
        double score = 0;
    };

    ConceptModel() = default;
    explicit ConceptModel(Options options) : options_(options) {}

    // One indexed text: its words and the concepts it is about. `source`
    // (its work id) lets an evaluation leave a whole work out.
    void add(const TermCounts& words, const std::vector<std::string>& about, std::string source);
    void finish();
    size_t size() const { return sources_.size(); }

    // The concepts suggested for `words`, best first; examples of
    // `exclude_source` do not vote.
    std::vector<Suggestion> suggest(const TermCounts& words, std::string_view exclude_source = {}) const;

    const Options& options() const { return options_; }

private:
    Options options_;
    std::vector<TermCounts> pending_;                 // until finish()
    std::vector<std::vector<uint16_t>> about_;        // example → concept indexes
    std::vector<std::string> sources_;                // example → source
    std::vector<std::string> concepts_;               // concept index → id
    std::unordered_map<std::string, uint16_t> concept_index_;
    std::unordered_map<uint32_t, float> idf_;         // stems kept (df share ≤ max)
    std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, float>>> postings_;  // stem → (example, weight)
};

}  // namespace himoya
