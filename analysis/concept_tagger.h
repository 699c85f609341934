// Concept tagging, the last step of the analysis chain: finds thesaurus labels
// in analysed text. A label matches where its words' stems occur in order,
// stopwords ignored ("насилие в семье" matches "насилия в семье"). Every
// label of every language is tried on every text, so a Russian label tags a
// Russian provision and the query side can expand to the other languages.
//
// Immutable after construction: match() is safe to call from many threads.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/thesaurus.h"

namespace himoya {

struct LabelPattern {
    std::string concept_id;
    std::string lang;                // language of the label
    std::string label;               // as written in the thesaurus
    std::vector<std::string> stems;  // stems of its non-stopword words
    std::vector<std::string> folded; // their folded keys (Tajik labels), for substitute spellings
};

struct ConceptMatch {
    std::string concept_id;
    size_t first_token = 0;  // indices into the analysed tokens, inclusive
    size_t last_token = 0;
    const LabelPattern* pattern = nullptr;
};

class ConceptTagger {
public:
    // Analyses every label once with `analyzer`.
    ConceptTagger(const Thesaurus& thesaurus, Analyzer& analyzer);

    // All label occurrences in `tokens` (longest label first at each position).
    std::vector<ConceptMatch> match(const std::vector<Token>& tokens) const;
    // The ids of the concepts whose labels occur in `tokens`.
    std::set<std::string> tag(const std::vector<Token>& tokens) const;
    // Every analysed label of a concept.
    std::vector<const LabelPattern*> patterns_of(const std::string& concept_id) const;

private:
    std::vector<LabelPattern> patterns_;
    std::unordered_map<std::string, std::vector<size_t>> by_first_stem_;
    std::unordered_map<std::string, std::vector<size_t>> by_first_folded_;
};

}  // namespace himoya
