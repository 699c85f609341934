// The one reading of a query: the user's string is lexed and analysed once
// into a tree (words, phrases, AND/OR, negation, fields); every later step —
// place recognition, question words, concept spans — rewrites that tree, and
// QueryBuilder::compile turns it into the Xapian query (strict: every word;
// relaxed: most words, ranked by how many). The interpretation the API reports
// is read off the same tree, so what the page says is what was searched.
//
// Syntax: words (AND by default), "phrases", OR, AND, NOT, -word, +word,
// (groups), title:word, title:"phrase".
//
// Plain data; the functions use the caller's Analyzer (not thread-safe).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "search/places.h"

namespace himoya {

struct QueryNode {
    enum class Kind {
        kWord,    // one typed word (may analyse to several tokens: "e-mail")
        kPhrase,  // "quoted words": positions must follow each other
        kAnd,     // children all (negated children: none of them)
        kOr,      // any child
        kSpan,    // consecutive words forming a thesaurus label (satisfied by the words or the
                  // concept) or naming a locality (by the words or any name of the place)
    };
    Kind kind = Kind::kAnd;
    bool negated = false;  // a child of kAnd that must not match (NOT, -word)

    // kWord, kPhrase
    std::string text;           // as typed, without quotes, sign or field
    size_t start = 0, end = 0;  // byte range of `text` in the query
    bool title = false;         // title: field
    bool prefix = false;        // word*: any word that begins so (kWord only)
    int sign = 0;               // +1 for +word (kept even if a stopword), -1 for -word
    std::vector<Token> tokens;  // `text` analysed
    // A year (1900-2099) typed as a word, outside title: ("training in 2018"):
    // satisfied by the word or by a record dated that year (its Y term), so a
    // report of that year counts though its text never writes the number.
    int year = 0;
    // A word naming the kind of text asked for ("law", "закон", "қонун",
    // "code"): it ranks the texts that have it, it decides no match and is
    // not a unit that relaxing may keep instead of another (mark_text_kind_words).
    bool ranks_only = false;

    // kSpan: the concepts whose label the child words form
    std::vector<std::string> concepts;
    // kSpan of a label: the language of the label the words matched (tg for
    // "рабудани арус", a Tajik label typed with substitutes).
    std::string label_lang;
    // kWord: a word of a label the query holds out of order or as a qualifier
    // (find_scattered_concepts): a text about one of these concepts answers
    // it though it does not hold the word ("определение" of "определение
    // семейного насилия" in a law's definition of family violence).
    std::vector<std::string> answered_by;
    // kSpan whose words also name a work ("Istanbul Convention", "КоАП"): it
    // says which texts, not what about, so the words beside it keep filtering
    // (mark_work_spans).
    bool names_work = false;
    // kSpan of a locality ("Хуҷанд"): the stems of each of the place's names (Khujand, Худжанд)
    std::vector<std::vector<std::string>> names;
    // A negated kWord or kPhrase that is a jurisdiction's name ("-Tajikistan",
    // NOT "Republika Srpska", "-Тоҷикистон"): it also excludes that place's
    // texts and the texts naming it in any language (exclude_negated_places).
    std::vector<std::string> excluded_jurisdictions;
    std::vector<std::vector<std::string>> excluded_names;  // stems of each of its names

    std::vector<QueryNode> children;  // kAnd, kOr, kSpan (kWord children)

    // A word whose tokens are all stopwords: it constrains nothing.
    bool only_stopwords() const;
};

// A work the query names by a popular name (search/work_names.h).
struct NamedWork {
    std::string work_id;
    std::string name;           // the popular name as the corpus writes it
    size_t start = 0, end = 0;  // byte range in the query
};

struct QueryTree {
    static constexpr int kMaxDepth = 32;  // nesting of parentheses and NOTs

    QueryNode root;             // kAnd or kOr
    std::string language;       // the query language hint (tg ru en auto)
    bool plain = false;         // words only: no quotes, operators, fields or signs
    bool question = false;      // reads as a question ("?", or opens with a question word)
    bool latin_tajik = false;   // Latin words are also read as Tajik Cyrillic
    std::vector<std::string> jurisdictions;    // places named, set aside (place words removed)
    // The words of those places, kept only for "did you mean", which gives a
    // name typed without its Tajik letters ("Точикистон") its letters back.
    std::vector<QueryNode> place_words;
    std::vector<std::string> excluded_jurisdictions;  // places negated ("-Tajikistan"): their texts are left out
    std::vector<NamedWork> works;  // works named by a popular name: their texts are boosted
    std::vector<std::string> scattered_concepts;  // labels the query's units hold out of order (find_scattered_concepts)
    std::vector<std::vector<std::string>> place_names;  // stems of every name of those places, any language
    // The same, per place named: a text in or about more of the places a
    // query names ranks above one in fewer (query_builder.cc, place_bonus).
    struct Place {
        std::vector<std::string> jurisdictions;
        std::vector<std::vector<std::string>> names;
    };
    std::vector<Place> places;
    std::vector<std::string> question_words;   // dropped: they need not occur
    // Facet filters written in the query ("jurisdiction:TJ", "year:2013"),
    // facet → values: they apply to the whole query as the request's filters do.
    std::map<std::string, std::vector<std::string>> filters;
    // Facet filters negated in the query ("-jurisdiction:TJ", "NOT type:news"):
    // the texts with any of these values are left out.
    std::map<std::string, std::vector<std::string>> excluded_filters;
    std::string text;  // the query as read: filters blanked out, every offset as typed
    size_t too_long_words = 0;  // words longer than an index term can be (Analyzer::kMaxTermBytes)

    // Positive top-level word-like nodes of a plain query: the units "every
    // word counts" counts (a span is one unit; a ranks_only word is none).
    std::vector<const QueryNode*> units() const;
};

// Lexes and analyses `query` into a tree. Throws BadRequest when nesting is
// deeper than kMaxDepth.
QueryTree parse_query(std::string_view query, std::string_view language, Analyzer& analyzer);

// Rewrites. Each only changes a plain query and never leaves it without content.

// Words inside a jurisdiction's name are removed; the place's jurisdictions
// recorded. Words naming a locality (a city, a region) stay, as one kSpan
// satisfied by any of its names; its jurisdiction is recorded too.
void set_aside_places(QueryTree& tree, const PlaceRecognizer& places, Analyzer& analyzer);
// A negated word or phrase that names a jurisdiction ("violence -Tajikistan",
// "насилие NOT Грузия", "NOT \"Republika Srpska\"") leaves out that place's texts,
// not only those that write the word: the node is marked (excluded_jurisdictions,
// excluded_names) and the tree lists the places. Any query, plain or not; a
// locality (a city) stays a word.
void exclude_negated_places(QueryTree& tree, const PlaceRecognizer& places, Analyzer& analyzer);
// Interrogatives (who, кто, кӣ, чанд …), and in a question its auxiliaries
// (does, can, мекунад …), are removed and listed in question_words.
void drop_question_words(QueryTree& tree);
// Concept spans whose words overlap a work the query names (tree.works, set
// by the caller) are marked names_work: "Стамбульская конвенция преследование"
// asks for the Convention's article on stalking, not for any of its articles
// ranked by whether they say "преследование".
void mark_work_spans(QueryTree& tree);
// Words naming a kind of text (law, code, convention, legislation; закон,
// кодекс, конвенция, законодательство; қонун, кодекс, конвенсия,
// қонунгузорӣ), standing alone in a plain query beside other content, are
// marked ranks_only: "what does the law of Moldova say about shelters" asks
// about shelters in Moldova's texts; a Moldovan article that only says "law"
// is no answer, and one on shelters that never writes "law" is. Run after
// group_concept_spans, so that a label holding such a word ("family code")
// keeps it.
void mark_text_kind_words(QueryTree& tree);
// Consecutive words of an AND forming a thesaurus label (in any language, and
// under the Tajik and Russian readings when the language is unknown) become a
// kSpan carrying the label's concepts. Applies to queries with operators too.
void group_concept_spans(QueryTree& tree, const ConceptTagger& tagger, Analyzer& analyzer);

// Concepts whose whole label the words of a plain query hold, scattered over
// two or more of its units ("protection order duration" holds "duration of the
// order"; "ордери ҳимоявӣ мӯҳлат" holds "мӯҳлати ордер"), listed in
// scattered_concepts: the query asks about that narrower subject though it
// did not write its label. A label word inside a concept span counts only
// for a concept narrower than that span's ("family violence … administrative
// code" does not hold the Family Code). Run after group_concept_spans.
void find_scattered_concepts(QueryTree& tree, const ConceptTagger& tagger, const Thesaurus& thesaurus);

// Whether a query is plain words: no quotes, parentheses, fields or operators.
bool is_plain(std::string_view query);

}  // namespace himoya
