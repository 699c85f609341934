#include "search/concept_expansion.h"

#include <algorithm>

#include "analysis/term_scheme.h"
#include "search/stem_terms.h"

namespace himoya {

Xapian::Query named_in(const std::string& concept_id, const Thesaurus& thesaurus) {
    std::vector<Xapian::Query> tags;
    for (const std::string& id : thesaurus.with_descendants(concept_id)) {
        tags.emplace_back(terms::boolean_term(terms::kTopic, id));
        tags.emplace_back(terms::boolean_term(terms::kMention, id));
    }
    return Xapian::Query(Xapian::Query::OP_OR, tags.begin(), tags.end());
}

Xapian::Query concept_query(const std::string& concept_id, const Thesaurus& thesaurus, const ConceptTagger& tagger,
                            std::set<std::string>* highlight_stems, bool with_mentions) {
    std::vector<Xapian::Query> alternatives;
    for (const LabelPattern* p : tagger.patterns_of(concept_id)) {
        std::vector<Xapian::Query> words;
        for (const std::string& stem : p->stems) {
            words.push_back(stem_query(stem));
            if (highlight_stems) highlight_stems->insert(stem);
        }
        alternatives.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
    }
    // Provisions about the concept or a narrower one, and those whose other
    // language versions mention it (their own text may word it otherwise).
    for (const std::string& id : thesaurus.with_descendants(concept_id)) {
        alternatives.emplace_back(terms::boolean_term(terms::kTopic, id));
        if (with_mentions) alternatives.emplace_back(terms::boolean_term(terms::kMention, id));
    }
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

BuiltQuery build_expanded_query(QueryBuilder& builder, Analyzer& analyzer, const Thesaurus& thesaurus,
                                const ConceptTagger& tagger, std::string_view query, std::string_view language) {
    QueryTree tree = parse_query(query, language, analyzer);
    group_concept_spans(tree, tagger, analyzer);
    builder.set_concepts(&thesaurus, &tagger);
    return builder.compile(tree);
}

}  // namespace himoya
