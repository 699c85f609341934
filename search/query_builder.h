// Compiles a query tree (query_tree.h) into a Xapian::Query through the same
// Analyzer that indexed the documents (the symmetry Xapian's TermGenerator/
// QueryParser pair has): each word as its exact term, its stems, its folded
// spelling and respellings; each concept span also as its concept in every
// language; places as a boost. Strict matching needs every word; relaxed
// matching (a plain query whose strict match found few texts) accepts most
// of them, and ranks a text by how many it satisfies before anything else.
//
// Not thread-safe: uses the caller's Analyzer.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/thesaurus.h"
#include "search/query_tree.h"

namespace himoya {

// A query matching every document. Use this, never Xapian::Query::MatchAll:
// that is one static object, and Xapian 1.4 counts references to a query
// without atomics, so copies of it made by several threads at once corrupt
// the count (ASan saw a use-after-free under load). This builds a new one.
inline Xapian::Query match_all() { return Xapian::Query(std::string()); }

struct QueryWord {
    std::string raw;   // as typed
    std::string term;  // canonical
    size_t start = 0, end = 0;  // byte range in the query string
    std::vector<std::string> reading_terms;  // index terms of other readings searched (Latin Tajik → Cyrillic)
    // Part of a thesaurus label the query's words form ("bride kidnapping"),
    // or of a place's name: spelled as the thesaurus or the place's names
    // spell it, so never respelled by "did you mean", even where no text of
    // the collection holds it — only given back the Tajik letters it was
    // typed without ("Точикистон").
    bool in_label = false;
};

struct BuiltQuery {
    Xapian::Query query;      // match_all() when the query is empty
    bool empty = true;        // nothing searchable: browse
    std::set<std::string> highlight_terms;  // canonical words to mark in snippets
    std::set<std::string> highlight_stems;  // their stems, in every language tried
    // Concepts of the query's spans (with their narrower ones), whose labels
    // are marked where they occur as labels (search/snippets.h).
    std::set<std::string> highlight_concepts;
    std::set<std::string> highlight_prefixes;  // "viol*": a record's words that begin so are marked
    std::vector<QueryWord> words;           // positive words, for spelling suggestions
    std::set<std::string> matched_concepts; // thesaurus concepts the query expanded to
    bool relaxed = false;                   // compiled with Matching::kRelaxed
    std::vector<std::string> ranking_words; // words beside a concept unit: they rank, they do not filter
    // The texts that name the concepts the query's words form (strict: each
    // of them; relaxed: any), as the indexer's tagger found their labels —
    // words in order, not a label's stems scattered over a text ("minor … de
    // facto marriage" is not child marriage). Common concepts and spans that
    // name a work are left out. Empty when the query forms no concept. A
    // place's text must be one of them to count as the place's answer
    // (interpretation.places_without_match), and compare by words counts only
    // them as covering. (Ranking by them as well, the place's bonus only for
    // them, measured worse: search nDCG@10 0.849 → 0.844.)
    Xapian::Query named;
    // What the query's top level excludes ("police -\"protection order\"",
    // "-(A OR B)"), each unit as it matches a record; empty when nothing is
    // negated there. The query already leaves out the records matching it;
    // one hit per text leaves out their texts as well (search_service.cc,
    // exclude_whole_texts): the Russian version of a text whose English
    // version says "protection orders" is that text.
    std::vector<Xapian::Query> negated;
};

// Strict: every word (or its concept) must match. Relaxed: any word will do;
// a text gains kUnitBonus (scaled by the word's rarity) per word it satisfies.
enum class Matching { kStrict, kRelaxed };

// The records in or about the places a tree names: of their jurisdictions, or
// naming one of them in any language (a report on study visits to Georgia is
// about Georgia, whatever its own jurisdiction). Empty when it names none.
Xapian::Query place_filter(const QueryTree& tree);

class QueryBuilder {
public:
    static constexpr int kMaxDepth = QueryTree::kMaxDepth;
    // Weight a text gains per typed word (or concept span) it satisfies in
    // relaxed matching, and per place named that it belongs to: above what
    // BM25 gives a provision's words (rarely 60), so the count of words
    // satisfied orders the results and relevance orders texts within a count.
    static constexpr double kUnitBonus = 100.0;
    // A place named counts for more than one word and less than two: of texts
    // satisfying equally many words, those of the place come first.
    static constexpr double kPlaceBonus = 150.0;
    // A work named by a popular name ("VAWA", "КоАП"): its texts gain one
    // word's worth, less than a place (a question naming a work may ask about
    // something else that refers to it: "training on Resolution 1325").
    // Measured: kPlaceBonus 0.851, kUnitBonus 0.852, half of it 0.851 (docs/architecture.md).
    static constexpr double kWorkBonus = kUnitBonus;
    // Share of kUnitBonus a word beside a concept span earns (its words rank,
    // they do not filter). Measured with bench/search_eval.py and the
    // cross-language recall test: 1.0 drowned the concept's translations
    // (recall@10 0.88), 0 ignored the words; 0.1 keeps both (docs/architecture.md).
    static constexpr double kBesideConceptShare = 0.1;
    // Words beside a concept span that, all present, answer without the
    // concept (query_builder.cc, kAnd): at least this many.
    static constexpr size_t kWordsAnswerWithoutConcept = 2;
    // A word or concept matching more than this share of the records ranks
    // beside rarer words of the query instead of filtering (query_builder.cc).
    static constexpr double kCommonShare = 0.5;
    // Share of kUnitBonus such a common unit earns where it is satisfied: not
    // scaled by its rarity (that is near 0), so a text with more of the typed
    // words still ranks first, but half what the rarest ranking word earns.
    static constexpr double kCommonUnitShare = 0.05;
    // ... in an index of at least this many records (in fewer, the shares say nothing).
    static constexpr unsigned kCommonMinRecords = 100;
    // Share of kUnitBonus a text about a concept whose label the query holds
    // out of order earns (QueryTree::scattered_concepts).
    static constexpr double kScatteredConceptShare = 0.2;
    // Weight a provision about a span's concept gains over one that only mentions it.
    static constexpr double kAboutBonus = 10.0;
    // Weight for a text not repealed: between two texts that answer alike,
    // current law comes first (the FBiH 2025 law's article before the repealed
    // 2013 law's); a repealed text that answers better still ranks above. As
    // much as a provision being about a concept rather than naming it. An
    // expired programme gets it too: a question about the programme is about
    // it (counting it as no bonus measured worse, nDCG@10 0.849 → 0.848).
    static constexpr double kCurrentBonus = kAboutBonus;

    explicit QueryBuilder(Analyzer& analyzer) : analyzer_(analyzer) {}
    // The index whose vocabulary respells substitute spellings ("зуровари" →
    // "зӯроварӣ", terms::kFoldedSpelling) and tells how rare a word is; none:
    // no respelling, every word equally rare. Must outlive compile().
    void set_vocabulary(const Xapian::Database* db) { vocabulary_ = db; }
    // The thesaurus concept spans are expanded with; none: spans match by their words only.
    void set_concepts(const Thesaurus* thesaurus, const ConceptTagger* tagger) {
        thesaurus_ = thesaurus;
        tagger_ = tagger;
    }

    // Whether words are also searched as their counterparts in the other
    // languages through the index's word lexicon (analysis/lexicon.h; needs a
    // vocabulary). On by default; the API's cross_language=false turns it off.
    void set_translations(bool on) { translate_ = on; }

    // Whether the records searched keep word positions. Whole-document
    // records do not (docs/term-scheme.md): for them a phrase of body words
    // is compiled as all of its words; a title phrase stays a phrase.
    void set_positional(bool on) { positional_ = on; }

    // Whether each word's alternatives (exact form, stems, folded stem,
    // readings, translations) keep only the terms the vocabulary holds, those
    // left with the same terms merged into one: the same matches and scores,
    // each postlist read once. On by default; off only to show that
    // (query_builder_test).
    void set_pruning(bool on) { prune_ = on; }

    // The Xapian query of a tree. Relaxed applies to plain queries of two or
    // more words; otherwise the query is strict.
    BuiltQuery compile(const QueryTree& tree, Matching matching = Matching::kStrict);

    // parse_query + compile, without concept spans, places or question words.
    // Throws BadRequest for queries it cannot make sense of (e.g. nesting deeper than kMaxDepth).
    BuiltQuery build(std::string_view query, std::string_view language);

private:
    Analyzer& analyzer_;
    const Xapian::Database* vocabulary_ = nullptr;
    const Thesaurus* thesaurus_ = nullptr;
    const ConceptTagger* tagger_ = nullptr;
    bool translate_ = true;
    bool positional_ = true;
    bool prune_ = true;
};

}  // namespace himoya
