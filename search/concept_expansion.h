// Cross-language search: where a query's words form a thesaurus label in any
// language, the query also accepts the concept's labels in the other languages
// and its topic term, weighted below the literal words (kExpansionWeight), so
// "protection order" finds "ордери ҳимоявӣ" and "охранный ордер".
#pragma once

#include <set>
#include <string>
#include <string_view>

#include <xapian.h>

#include "analysis/concept_tagger.h"
#include "analysis/thesaurus.h"
#include "search/query_builder.h"
#include "search/query_tree.h"

namespace himoya {

inline constexpr double kExpansionWeight = 0.8;

// The texts in which the indexer found the concept or a narrower one, about
// (XC) or mentioned (XM): where a label of it occurs as a label, its words in
// order — unlike a label's stems anywhere in a text, which keep no positions
// ("minor … de facto marriage" is not "marriage of minors"). Boolean terms.
Xapian::Query named_in(const std::string& concept_id, const Thesaurus& thesaurus);

// The query for one concept: any of its labels (stems, all languages), or its
// about (XC) or mention (XM) term or a narrower concept's. Adds the labels' stems to `highlight_stems`.
// Without `with_mentions`, provisions that only mention the concept are left out.
Xapian::Query concept_query(const std::string& concept_id, const Thesaurus& thesaurus, const ConceptTagger& tagger,
                            std::set<std::string>* highlight_stems = nullptr, bool with_mentions = true);

// Builds `query` with cross-language expansion: every run of words forming a
// thesaurus label (any language; Tajik and Russian readings too when the
// language is unknown) is satisfied by those words or, weighted by
// kExpansionWeight, by the label's concept in any language
// (query_tree.h, group_concept_spans). Records matched concepts in built.matched_concepts.
BuiltQuery build_expanded_query(QueryBuilder& builder, Analyzer& analyzer, const Thesaurus& thesaurus,
                                const ConceptTagger& tagger, std::string_view query, std::string_view language);

}  // namespace himoya
