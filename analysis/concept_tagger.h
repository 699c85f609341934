// Concept tagging, the last step of the analysis chain: finds thesaurus labels
// in analysed text. A label matches where its words' stems occur in order,
// stopwords ignored ("насилие в семье" matches "насилия в семье"). Every
// label of every language is tried on every text, so a Russian label tags a
// Russian provision and the query side can expand to the other languages.
//
// Immutable after construction: match() is safe to call from many threads.
#pragma once

#include <map>
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

// What one provision (one language version, or a whole version group) is
// about and what it only mentions, as thesaurus concept ids. `about` and
// `mentions` never share an id.
struct ProvisionConcepts {
    std::set<std::string> about;     // its subject: heading, definition, operative rule
    std::set<std::string> mentions;  // named in passing
    bool operator==(const ProvisionConcepts&) const = default;
};

// What one language version of a provision shows of one concept: the
// evidence ConceptTagger::judge decides on.
struct ConceptEvidence {
    bool markup = false;     // the unit's markup names it
    bool heading = false;    // a label occurs in the heading
    size_t occurrences = 0;  // label occurrences in the text
    size_t first_word = 0;   // content-word rank of the first occurrence in the text
    size_t text_words = 0;   // content words in the text
};

// One language version's judgment, as ConceptTagger::judge makes it.
struct VersionConcepts {
    std::string lang;
    bool original = false;  // the version the others were made from
    ProvisionConcepts concepts;
};

// The concepts of a version group from its versions' judgments, so that
// every language version of one provision carries the same concepts
// (docs/thesaurus.md, "About and mentions"): a concept is `about` the group
// when the versions agree that it is (about in at least half of them, or in
// the original when there are two), `mentions` when any version names it
// and it is not about.
ProvisionConcepts agree_across_versions(const std::vector<VersionConcepts>& versions);

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
    // Labels of two or more content words whose every word occurs somewhere
    // in `tokens`, in any order and not necessarily together ("protection
    // order duration" holds "duration of the order"). For a query's words,
    // never for a provision's text: scattered words are a hint of what a
    // short query means, not evidence of what a long text is about. Each
    // match's first_token/last_token are the first and last token used.
    std::vector<ConceptMatch> match_scattered(const std::vector<Token>& tokens) const;
    // Narrower concepts a query names as a qualifier beside a broader
    // concept it names: a narrower concept's label made of a label of one of
    // its broader concepts and other words ("срок действия охранного ордера"
    // = "срок действия" + "охранный ордер") is named by those other words
    // anywhere in `tokens` with any label of that broader concept, or of a
    // concept under it ("срок действия защитного предписания", "extension of
    // an emergency barring order"). `named` are the concepts the query's
    // labels name. For a query's words, like match_scattered: the match's
    // first_token/last_token are the qualifier's first and last token.
    std::vector<ConceptMatch> match_qualified(const std::vector<Token>& tokens, const std::set<std::string>& named) const;
    // The ids of the concepts whose labels occur in `tokens`.
    std::set<std::string> tag(const std::vector<Token>& tokens) const;
    // What a provision is about and what it mentions, from its own heading,
    // text and markup (never its document's metadata). `heading` and `text`
    // are the analysed tokens of each; `markup` are the topic ids its source
    // markup gives the unit: an editor's subject indexing, taken as `about`.
    // A provision without markup is about the concepts whose labels are in
    // its heading or open its text (it defines or regulates the concept:
    // "Stalking is ...", "A protection order may ..."). Every other label
    // occurrence is a mention.
    ProvisionConcepts judge(const std::vector<Token>& heading, const std::vector<Token>& text,
                            const std::vector<std::string>& markup) const;
    // The evidence judge() decides on, by concept id.
    std::map<std::string, ConceptEvidence> evidence(const std::vector<Token>& heading, const std::vector<Token>& text,
                                                    const std::vector<std::string>& markup) const;

    // Every analysed label of a concept.
    std::vector<const LabelPattern*> patterns_of(const std::string& concept_id) const;
    // `ids` with every concept broader than one of them, each once, in the
    // order met (an id the thesaurus lacks is kept as it is): what a record
    // about them is counted under in the topic facet, as a topic filter
    // takes a concept's narrower ones (docs/thesaurus.md).
    std::vector<std::string> with_broader(const std::vector<std::string>& ids) const;

private:
    // A narrower concept's label less a label of a broader concept in it.
    struct Qualified {
        std::string broader_id;
        std::vector<std::string> stems, folded;  // the qualifier's
        const LabelPattern* pattern;             // the narrower concept's label
    };
    // Whether `tokens` hold every word of `stems` (or its folded key), and where.
    static bool holds_all(const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                          const std::vector<std::string>& folded, size_t& first, size_t& last);

    std::unordered_map<std::string, std::vector<std::string>> with_broader_;  // concept → it and its broader ones
    std::vector<Qualified> qualified_;
    std::vector<LabelPattern> patterns_;
    std::unordered_map<std::string, std::vector<size_t>> by_first_stem_;
    std::unordered_map<std::string, std::vector<size_t>> by_first_folded_;
};

}  // namespace himoya
