// The query tree: parsed once, rewritten by places, question words and concept
// spans, compiled strict or relaxed (search/query_tree.h, query_builder.h).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/term_scheme.h"
#include "analysis/thesaurus.h"
#include "search/query_builder.h"
#include "search/query_tree.h"
#include "search/search_types.h"
#include "test_index.h"

using namespace himoya;

namespace {

std::string corpus_places() {
    std::ifstream in(HIMOYA_SOURCE_DIR "/corpus/jurisdictions.xml");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The typed text of each top-level child, spans shown as [words].
std::vector<std::string> children(const QueryTree& tree) {
    std::vector<std::string> out;
    for (const QueryNode& c : tree.root.children) {
        if (c.kind == QueryNode::Kind::kSpan) {
            std::string words;
            for (const QueryNode& w : c.children) words += (words.empty() ? "" : " ") + w.text;
            out.push_back("[" + words + "]");
        } else {
            out.push_back((c.negated ? "-" : "") + c.text);
        }
    }
    return out;
}

struct Fixture {
    Analyzer analyzer;
    std::string error;
    Thesaurus thesaurus = *Thesaurus::parse(testing::sample_thesaurus(), error);
    ConceptTagger tagger{thesaurus, analyzer};
};

// A thesaurus given as XML with its tagger, and what a plain query's words
// name: its concept spans, then the concepts it holds scattered or as a
// qualifier (find_scattered_concepts).
struct ConceptReading {
    Analyzer analyzer;
    Thesaurus thesaurus;
    ConceptTagger tagger;
    explicit ConceptReading(const char* xml) : thesaurus(parsed(xml)), tagger(thesaurus, analyzer) {}
    std::vector<std::string> scattered(const std::string& q, const std::string& lang) {
        QueryTree t = parse_query(q, lang, analyzer);
        group_concept_spans(t, tagger, analyzer);
        find_scattered_concepts(t, tagger, thesaurus);
        return t.scattered_concepts;
    }
    static Thesaurus parsed(const char* xml) {
        std::string error;
        auto t = Thesaurus::parse(xml, error);
        REQUIRE_MESSAGE(t.has_value(), error);
        return std::move(*t);
    }
};

}  // namespace

TEST_CASE("the tree keeps words, phrases, OR and negation with their offsets") {
    Analyzer a;
    QueryTree t = parse_query("police \"protection order\" -court", "en", a);
    CHECK_FALSE(t.plain);
    REQUIRE(t.root.kind == QueryNode::Kind::kAnd);
    REQUIRE(t.root.children.size() == 3);
    CHECK(t.root.children[0].kind == QueryNode::Kind::kWord);
    CHECK(t.root.children[1].kind == QueryNode::Kind::kPhrase);
    CHECK(t.root.children[1].tokens.size() == 2);
    CHECK(t.root.children[2].negated);
    CHECK(t.root.children[0].start == 0);
    CHECK(t.root.children[1].start == 8);

    // "-(…)" negates the group, as "NOT (…)" does; "+(…)" is the group.
    for (const char* q : {"police -(order OR ban)", "police NOT (order OR ban)"}) {
        CAPTURE(q);
        QueryTree g = parse_query(q, "en", a);
        REQUIRE(g.root.children.size() == 2);
        CHECK(g.root.children[1].kind == QueryNode::Kind::kOr);
        CHECK(g.root.children[1].negated);
    }
    QueryTree plus = parse_query("police +(order OR ban)", "en", a);
    REQUIRE(plus.root.children.size() == 2);
    CHECK_FALSE(plus.root.children[1].negated);

    // Facet filters written in the query, and negated ones.
    QueryTree f = parse_query("police jurisdiction:GE -jurisdiction:TJ NOT type:news", "en", a);
    CHECK(f.filters == std::map<std::string, std::vector<std::string>>{{"jurisdiction", {"GE"}}});
    CHECK(f.excluded_filters ==
          std::map<std::string, std::vector<std::string>>{{"jurisdiction", {"TJ"}}, {"type", {"news"}}});
    REQUIRE(f.root.children.size() == 1);  // "NOT" went with its filter
    CHECK(f.root.children[0].text == "police");

    // A word typed again is one unit: the copies change no match and cost a compile each.
    QueryTree repeated = parse_query("protection order protection order -court -court \"safe house\" \"safe house\"", "en", a);
    CHECK(children(repeated) == std::vector<std::string>{"protection", "order", "-court", "safe house"});
    CHECK(children(parse_query("order Order ORDERS", "en", a)).size() == 2);  // forms differ: kept

    QueryTree any = parse_query("shelter OR приют", "auto", a);
    CHECK(any.root.kind == QueryNode::Kind::kOr);
    CHECK(parse_query("shelter for victims", "en", a).plain);
}

TEST_CASE("a query reads as a question by its mark or its first word") {
    Analyzer a;
    CHECK(parse_query("кто выдаёт охранный ордер", "auto", a).question);
    CHECK(parse_query("паноҳгоҳ дар Хуҷанд?", "auto", a).question);
    CHECK(parse_query("how long does an emergency order last", "en", a).question);
    CHECK_FALSE(parse_query("emergency order duration", "en", a).question);
    // Tajik puts the interrogative near the end, before the verb: no mark needed.
    CHECK(parse_query("милиса ҳангоми зӯроварӣ дар оила чӣ бояд кунад", "auto", a).question);
    CHECK(parse_query("ордери ҳимоявӣ кай дода мешавад", "auto", a).question);
    // ... but "ки" is also the relative "that" of a noun phrase.
    CHECK_FALSE(parse_query("шахсоне ки зӯроварӣ содир кардаанд", "auto", a).question);
    CHECK_FALSE(parse_query("ордери ҳимоявӣ мӯҳлат", "auto", a).question);
}

TEST_CASE("question words are dropped and listed, never the only words") {
    Analyzer a;
    QueryTree t = parse_query("who can file for an injunction", "en", a);
    drop_question_words(t);
    CHECK(t.question_words == std::vector<std::string>{"who", "can"});
    CHECK(children(t) == std::vector<std::string>{"file", "for", "an", "injunction"});

    QueryTree tg = parse_query("амри фаврӣ чанд рӯз амал мекунад?", "auto", a);
    drop_question_words(tg);
    CHECK(tg.question_words == std::vector<std::string>{"чанд", "мекунад"});  // listed without the "?"
    QueryTree comma = parse_query("что делать, если муж бьёт жену", "ru", a);
    drop_question_words(comma);
    CHECK(comma.question_words == std::vector<std::string>{"что", "делать"});
    QueryTree slash = parse_query("what/how police respond?", "en", a);
    drop_question_words(slash);
    CHECK(slash.question_words == std::vector<std::string>{"what", "how"});
    // "чанд вақт" and "сколько времени" are "how long": the time word goes with the question word.
    QueryTree how_long = parse_query("ордери ҳимоявӣ чанд вақт амал мекунад?", "tg", a);
    drop_question_words(how_long);
    CHECK(how_long.question_words == std::vector<std::string>{"чанд", "вақт", "мекунад"});
    QueryTree skolko = parse_query("сколько времени действует охранный ордер", "ru", a);
    drop_question_words(skolko);
    CHECK(skolko.question_words == std::vector<std::string>{"сколько", "времени"});
    // A light verb in the past ("ворид кард", "did introduce") is an auxiliary too.
    // An interrogative with the copula fused on ends a Tajik question: куҷоянд, кадомҳоянд.
    QueryTree where = parse_query("марказҳои бӯҳронӣ куҷоянд", "auto", a);
    drop_question_words(where);
    CHECK(where.question_words == std::vector<std::string>{"куҷоянд"});
    QueryTree which = parse_query("ҳуқуқҳои ҷабрдида кадомҳоянд?", "auto", a);
    drop_question_words(which);
    CHECK(which.question_words == std::vector<std::string>{"кадомҳоянд"});
    CHECK(children(which) == std::vector<std::string>{"ҳуқуқҳои", "ҷабрдида"});
    QueryTree past = parse_query("VAWA дар соли 2022 чӣ тағйирот ворид кард?", "auto", a);
    drop_question_words(past);
    CHECK(past.question_words == std::vector<std::string>{"чӣ", "кард"});

    // Verbs of saying in a question ask what a text says; they are not its words.
    QueryTree say = parse_query("what does the law say about shelters", "en", a);
    drop_question_words(say);
    CHECK(say.question_words == std::vector<std::string>{"what", "does", "say"});
    QueryTree ru = parse_query("что говорит закон о приютах?", "auto", a);
    drop_question_words(ru);
    CHECK(ru.question_words == std::vector<std::string>{"что", "говорит"});
    QueryTree tgs = parse_query("қонун дар бораи паноҳгоҳ чӣ мегӯяд?", "auto", a);
    drop_question_words(tgs);
    CHECK(tgs.question_words == std::vector<std::string>{"чӣ", "мегӯяд"});

    // Modal and light verbs: "what should the police do", "что следует делать".
    QueryTree should = parse_query("милиса чӣ бояд кунад?", "auto", a);
    drop_question_words(should);
    CHECK(should.question_words == std::vector<std::string>{"чӣ", "бояд", "кунад"});
    CHECK(children(should) == std::vector<std::string>{"милиса"});
    // "чӣ кор бояд кунад" ("what must [it] do"): "кор" is the noun of the light verb, four words from the end.
    QueryTree work = parse_query("милиса дар ҳолати зӯроварӣ чӣ кор бояд кунад?", "auto", a);
    CHECK(work.question);
    drop_question_words(work);
    CHECK(work.question_words == std::vector<std::string>{"чӣ", "кор", "бояд", "кунад"});
    QueryTree job = parse_query("кор дар милиса", "auto", a);  // "кор" as work stays
    drop_question_words(job);
    CHECK(job.question_words.empty());
    QueryTree ru_can = parse_query("кто может получить охранный ордер", "auto", a);
    drop_question_words(ru_can);
    CHECK(ru_can.question_words == std::vector<std::string>{"кто", "может"});  // as "who can" in English
    QueryTree ru_should = parse_query("что следует делать полиции", "auto", a);
    drop_question_words(ru_should);
    CHECK(ru_should.question_words == std::vector<std::string>{"что", "следует", "делать"});

    // "Who is", "what is" in one word (кист, чист); "кто такая"; Tajik in Latin letters.
    QueryTree kist = parse_query("ҷабрдида кист?", "auto", a);
    drop_question_words(kist);
    CHECK(kist.question_words == std::vector<std::string>{"кист"});
    CHECK(children(kist) == std::vector<std::string>{"ҷабрдида"});
    QueryTree takaya = parse_query("кто такая пострадавшая?", "auto", a);
    drop_question_words(takaya);
    CHECK(takaya.question_words == std::vector<std::string>{"кто", "такая"});
    QueryTree latin = parse_query("amri favri chand ruz amal mekunad?", "auto", a);
    drop_question_words(latin);
    CHECK(latin.question_words == std::vector<std::string>{"chand", "mekunad"});

    // Not a question: auxiliaries are words like any other; interrogatives still go.
    QueryTree kw = parse_query("police can remove", "en", a);
    drop_question_words(kw);
    CHECK(kw.question_words.empty());

    QueryTree alone = parse_query("how?", "en", a);
    drop_question_words(alone);
    CHECK(alone.question_words.empty());
    CHECK(children(alone) == std::vector<std::string>{"how?"});
}

TEST_CASE("a word naming a kind of text ranks only, in three languages, never when it is all there is") {
    Fixture f;
    auto marked = [](const QueryTree& t) {
        std::vector<std::string> out;
        for (const QueryNode& c : t.root.children)
            if (c.ranks_only) out.push_back(c.text);
        return out;
    };
    auto unit_texts = [](const QueryTree& t) {
        std::vector<std::string> out;
        for (const QueryNode* u : t.units()) out.push_back(u->text);
        return out;
    };
    QueryTree en = parse_query("what does the law say about shelters", "en", f.analyzer);
    drop_question_words(en);
    mark_text_kind_words(en);
    CHECK(marked(en) == std::vector<std::string>{"law"});
    CHECK(unit_texts(en) == std::vector<std::string>{"shelters"});  // not a unit to relax to
    QueryTree ru = parse_query("закон о приютах", "auto", f.analyzer);
    mark_text_kind_words(ru);
    CHECK(marked(ru) == std::vector<std::string>{"закон"});
    QueryTree tg = parse_query("қонуни паноҳгоҳ", "auto", f.analyzer);
    mark_text_kind_words(tg);
    CHECK(marked(tg) == std::vector<std::string>{"қонуни"});
    // Substitute letters read the same (к for қ).
    QueryTree typed = parse_query("конуни панохгох", "auto", f.analyzer);
    mark_text_kind_words(typed);
    CHECK(marked(typed) == std::vector<std::string>{"конуни"});

    // Alone, or beside stopwords only, it is the query.
    QueryTree alone = parse_query("the law", "en", f.analyzer);
    mark_text_kind_words(alone);
    CHECK(marked(alone).empty());
    // Excluded, or in a title: field, it is what was asked for.
    QueryTree neg = parse_query("shelters -law", "en", f.analyzer);
    mark_text_kind_words(neg);
    CHECK(marked(neg).empty());
    QueryTree title = parse_query("title:law shelters", "en", f.analyzer);
    mark_text_kind_words(title);
    CHECK(marked(title).empty());
    // Other words are words.
    QueryTree other = parse_query("lawyer shelters", "en", f.analyzer);
    mark_text_kind_words(other);
    CHECK(marked(other).empty());
}

TEST_CASE("place names are set aside and their jurisdictions recorded") {
    Analyzer a;
    PlaceRecognizer places(corpus_places(), a);
    QueryTree t = parse_query("охранный ордер в Грузии", "auto", a);
    set_aside_places(t, places, a);
    CHECK(t.jurisdictions == std::vector<std::string>{"GE"});
    CHECK(children(t) == std::vector<std::string>{"охранный", "ордер", "в"});
    // In or about Georgia: its records, and records naming it in any language.
    std::string in_place = place_filter(t).get_description();
    CHECK(in_place.find(himoya::terms::boolean_term(himoya::terms::kJurisdiction, "GE")) != std::string::npos);
    CHECK(in_place.find("Zgeorgia") != std::string::npos);

    QueryTree question = parse_query("кто выдаёт охранный ордер в Таджикистане?", "auto", a);
    set_aside_places(question, places, a);
    CHECK(question.jurisdictions == std::vector<std::string>{"TJ"});  // the question mark is not part of the name
    CHECK(children(question).back() == "в");

    // A place alone is asked for: a span its names in any language satisfy,
    // its texts first ("Амрико" is written by no text, "ИМА" and "США" are).
    QueryTree only = parse_query("Молдова", "auto", a);
    set_aside_places(only, places, a);
    CHECK(only.jurisdictions == std::vector<std::string>{"MD"});
    CHECK(children(only) == std::vector<std::string>{"[Молдова]"});
    REQUIRE(only.root.children.size() == 1);
    CHECK(only.root.children.front().names.size() > 1);  // Moldova, Молдова ... in every language
    QueryTree america = parse_query("Амрико", "tg", a);
    set_aside_places(america, places, a);
    CHECK(america.jurisdictions.front() == "US");
    CHECK(children(america) == std::vector<std::string>{"[Амрико]"});
    // The function words around it ask nothing: "дар" is no word to find in every Tajik text.
    for (const char* q : {"дар Тоҷикистон", "in Tajikistan", "в Таджикистане"}) {
        CAPTURE(q);
        QueryTree in_place = parse_query(q, "auto", a);
        set_aside_places(in_place, places, a);
        CHECK(in_place.jurisdictions == std::vector<std::string>{"TJ"});
        REQUIRE(in_place.root.children.size() == 1);
        CHECK(in_place.root.children.front().kind == QueryNode::Kind::kSpan);
    }

    QueryTree ops = parse_query("Moldova OR Georgia", "auto", a);
    set_aside_places(ops, places, a);
    CHECK(ops.jurisdictions.empty());  // only plain queries
}

TEST_CASE("a negated place name leaves out that place's texts, in any language and query shape") {
    Analyzer a;
    PlaceRecognizer places(corpus_places(), a);
    const std::string tj = himoya::terms::boolean_term(himoya::terms::kJurisdiction, "TJ");

    QueryTree en = parse_query("violence -Tajikistan", "auto", a);
    exclude_negated_places(en, places, a);
    CHECK(en.excluded_jurisdictions == std::vector<std::string>{"TJ"});
    CHECK(children(en) == std::vector<std::string>{"violence", "-Tajikistan"});  // the word stays, negated
    QueryBuilder builder(a);
    std::string d = builder.compile(en).query.get_description();
    // Left out: the word, the jurisdiction's texts and texts naming it in another language.
    const size_t not_at = d.find("AND_NOT");
    REQUIRE(not_at != std::string::npos);
    CHECK(d.find(tj, not_at) != std::string::npos);
    CHECK(d.find("Zтоҷикисто", not_at) != std::string::npos);

    // The places a query leaves out, once read.
    auto excluded = [&](const char* query) {
        QueryTree t = parse_query(query, "auto", a);
        exclude_negated_places(t, places, a);
        return t.excluded_jurisdictions;
    };
    const std::vector<std::string> only_tj{"TJ"};
    CHECK(excluded("насилие NOT Таджикистан") == only_tj);
    CHECK(excluded("зӯроварӣ -Тоҷикистон") == only_tj);
    // A phrase naming an entity; Bosnia stands for its three entities.
    CHECK(excluded("shelter NOT \"Republika Srpska\"") == std::vector<std::string>{"BA-SRP"});
    CHECK(excluded("(violence OR abuse) -Bosnia").size() == 3);
    // A negated group of names is each name negated.
    CHECK(excluded("violence NOT (Tajikistan OR Georgia)") == std::vector<std::string>{"TJ", "GE"});
    CHECK(excluded("violence -(Tajikistan OR Georgia)") == std::vector<std::string>{"TJ", "GE"});

    // Not a place: a positive place name, a city, a word beside the name, a title: field.
    for (const char* query : {"violence Tajikistan", "shelter -Dushanbe", "shelter -\"Tajikistan law\"",
                              "shelter -title:Tajikistan"}) {
        CAPTURE(query);
        CHECK(excluded(query).empty());
    }
}

TEST_CASE("a locality stays in the query as one unit satisfied by any of its names, its country boosted") {
    Analyzer a;
    PlaceRecognizer places(corpus_places(), a);
    QueryTree t = parse_query("паноҳгоҳ дар Хуҷанд", "auto", a);
    set_aside_places(t, places, a);
    CHECK(t.jurisdictions == std::vector<std::string>{"TJ"});
    REQUIRE(children(t) == std::vector<std::string>{"паноҳгоҳ", "дар", "[Хуҷанд]"});
    const QueryNode& city = t.root.children[2];
    CHECK(city.names.size() >= 3);  // Khujand, Худжанд, Хуҷанд
    QueryBuilder builder(a);
    std::string d = builder.compile(t).query.get_description();
    CHECK(d.find("Zkhujand") != std::string::npos);  // the English name satisfies the Tajik word
    CHECK(d.find("Zхуджанд") != std::string::npos);

    QueryTree ru = parse_query("сколько милиционеров обучила ОБСЕ в Гарме", "auto", a);
    set_aside_places(ru, places, a);
    CHECK(children(ru).back() == "[Гарме]");  // inflected
}

TEST_CASE("consecutive words forming a label become one span, in any language and inside operators") {
    Fixture f;
    QueryTree t = parse_query("protection order duration", "en", f.analyzer);
    group_concept_spans(t, f.tagger, f.analyzer);
    CHECK(children(t) == std::vector<std::string>{"[protection order]", "duration"});
    REQUIRE(t.root.children[0].concepts == std::vector<std::string>{"protection-orders"});

    QueryTree tg = parse_query("ордери химояви", "auto", f.analyzer);  // typed without Tajik letters
    group_concept_spans(tg, f.tagger, f.analyzer);
    CHECK(children(tg) == std::vector<std::string>{"[ордери химояви]"});

    // Latin-script Tajik: its Cyrillic reading matches labels as a substitute spelling
    // does (i for ӣ, h for ҳ), the same span as the Cyrillic words.
    QueryTree latin = parse_query("orderi himoyavi", "auto", f.analyzer);
    REQUIRE(latin.latin_tajik);
    group_concept_spans(latin, f.tagger, f.analyzer);
    CHECK(children(latin) == std::vector<std::string>{"[orderi himoyavi]"});
    REQUIRE(latin.root.children[0].concepts == std::vector<std::string>{"protection-orders"});
    // A plural after a stem ending in z, k or s: "markazhoi" is марказҳои, not маркажои.
    {
        std::string error;
        Thesaurus crisis = *Thesaurus::parse(testing::sample_thesaurus_with(R"(
  <concept id="crisis-centres">
    <prefLabel lang="tg">маркази бӯҳронӣ</prefLabel>
    <altLabel lang="tg">марказҳои бӯҳронӣ</altLabel>
  </concept>)"), error);
        ConceptTagger tagger{crisis, f.analyzer};
        QueryTree plural = parse_query("markazhoi buhroni", "auto", f.analyzer);
        REQUIRE(plural.latin_tajik);
        group_concept_spans(plural, tagger, f.analyzer);
        CHECK(children(plural) == std::vector<std::string>{"[markazhoi buhroni]"});
        REQUIRE(plural.root.children[0].concepts == std::vector<std::string>{"crisis-centres"});
    }
    // And typed with a final й for ӣ.
    QueryTree short_i = parse_query("ордери химоявй", "auto", f.analyzer);
    group_concept_spans(short_i, f.tagger, f.analyzer);
    CHECK(children(short_i) == std::vector<std::string>{"[ордери химоявй]"});

    QueryTree ops = parse_query("(shelter OR приют) -court", "auto", f.analyzer);
    group_concept_spans(ops, f.tagger, f.analyzer);
    REQUIRE(ops.root.children.size() == 2);
    const QueryNode& any = ops.root.children[0];
    REQUIRE(any.kind == QueryNode::Kind::kOr);
    CHECK(any.children[0].children[0].kind == QueryNode::Kind::kSpan);

    QueryTree negated = parse_query("police -shelter", "en", f.analyzer);
    group_concept_spans(negated, f.tagger, f.analyzer);
    CHECK(children(negated) == std::vector<std::string>{"police", "-shelter"});  // a negated word is not expanded
}

TEST_CASE("strict compile: a span is its words or its concept; beside it other words only rank") {
    Fixture f;
    QueryBuilder builder(f.analyzer);
    builder.set_concepts(&f.thesaurus, &f.tagger);
    QueryTree t = parse_query("protection order duration", "en", f.analyzer);
    group_concept_spans(t, f.tagger, f.analyzer);
    BuiltQuery built = builder.compile(t);
    std::string d = built.query.get_description();
    CHECK(built.matched_concepts == std::set<std::string>{"protection-orders"});
    CHECK(d.find("XCprotection-orders") != std::string::npos);
    CHECK(built.ranking_words == std::vector<std::string>{"duration"});  // "duration" ranks
    CHECK(d.find("Zdurat") != std::string::npos);
    CHECK_FALSE(built.relaxed);

    // Without a span every word is required.
    QueryTree plain = parse_query("police duration", "en", f.analyzer);
    std::string strict = builder.compile(plain).query.get_description();
    CHECK(strict.find("AND_MAYBE") == std::string::npos);
    CHECK(strict.find(" AND ") != std::string::npos);
}

TEST_CASE("a span that also names a work says which texts, so the words beside it keep filtering") {
    Fixture f;
    QueryBuilder builder(f.analyzer);
    builder.set_concepts(&f.thesaurus, &f.tagger);
    QueryTree t = parse_query("protection order duration", "en", f.analyzer);
    group_concept_spans(t, f.tagger, f.analyzer);
    // As if "protection order" were also the popular name of a work (set by search_service).
    t.works.push_back({"po-act", "protection order", 0, 16});
    mark_work_spans(t);
    REQUIRE(t.root.children.size() == 2);
    CHECK(t.root.children[0].names_work);
    BuiltQuery built = builder.compile(t);
    CHECK(built.ranking_words.empty());  // "duration" is required
    // A work named elsewhere in the query leaves the span a subject.
    QueryTree other = parse_query("protection order duration", "en", f.analyzer);
    group_concept_spans(other, f.tagger, f.analyzer);
    other.works.push_back({"duration-act", "duration", 17, 25});
    mark_work_spans(other);
    CHECK_FALSE(other.root.children[0].names_work);
    CHECK(builder.compile(other).ranking_words == std::vector<std::string>{"duration"});
}

TEST_CASE("relaxed compile: any word, plus a bonus per word satisfied") {
    Fixture f;
    QueryBuilder builder(f.analyzer);
    QueryTree t = parse_query("police duration fine", "en", f.analyzer);
    BuiltQuery relaxed = builder.compile(t, Matching::kRelaxed);
    CHECK(relaxed.relaxed);
    std::string d = relaxed.query.get_description();
    CHECK(d.find(" AND ") == std::string::npos);
    CHECK(d.find("FixedWeightPostingSource") != std::string::npos);

    // One word, or operators: relaxing changes nothing.
    CHECK_FALSE(builder.compile(parse_query("police", "en", f.analyzer), Matching::kRelaxed).relaxed);
    CHECK_FALSE(builder.compile(parse_query("police OR fine", "en", f.analyzer), Matching::kRelaxed).relaxed);
}

TEST_CASE("a word too long to be an index term is counted, not silently dropped") {
    Analyzer a;
    QueryTree t = parse_query("violence " + std::string(300, 'x'), "en", a);
    CHECK(t.too_long_words == 1);
    CHECK(parse_query("violence", "en", a).too_long_words == 0);
}

TEST_CASE("a year typed as a word is satisfied by the word or by a record dated that year") {
    Analyzer analyzer;
    QueryTree tree = parse_query("милиса соли 2018 title:2019 1850 20181", "tg", analyzer);
    std::vector<int> years;
    for (const QueryNode& c : tree.root.children) years.push_back(c.year);
    CHECK(years == std::vector<int>{0, 0, 2018, 0, 0, 0});  // not in title:, not out of range, not 5 digits
    QueryBuilder builder(analyzer);
    std::string description = builder.compile(tree).query.get_description();
    CHECK(description.find("Y2018") != std::string::npos);
    CHECK(description.find("Y2019") == std::string::npos);
    CHECK(description.find("Y1850") == std::string::npos);
    // a negated year excludes the word only, not every record of that year
    CHECK(builder.build("милиса -2018", "tg").query.get_description().find("Y2018") == std::string::npos);
}

TEST_CASE("a label the query's words hold out of order marks its concept, narrower than any span it reuses") {
    const char* xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<thesaurus xmlns="urn:himoya:thesaurus:1" version="1">
  <concept id="protection-orders">
    <prefLabel lang="en">protection order</prefLabel>
    <prefLabel lang="tg">ордери ҳимоявӣ</prefLabel>
  </concept>
  <concept id="protection-order-duration">
    <broader>protection-orders</broader>
    <prefLabel lang="en">duration of the order</prefLabel>
    <prefLabel lang="tg">мӯҳлати ордер</prefLabel>
  </concept>
  <concept id="domestic-violence">
    <prefLabel lang="en">family violence</prefLabel>
  </concept>
  <concept id="family-law">
    <prefLabel lang="en">family code</prefLabel>
  </concept>
</thesaurus>)";
    ConceptReading reading(xml);
    auto& [analyzer, thesaurus, tagger] = reading;
    auto scattered = [&](const std::string& q, const std::string& lang) { return reading.scattered(q, lang); };
    const std::vector<std::string> duration{"protection-order-duration"};
    CHECK(scattered("protection order duration", "en") == duration);
    CHECK(scattered("ордери ҳимоявӣ мӯҳлат", "tg") == duration);
    CHECK(scattered("order police duration", "en") == duration);
    // Written as the label, it is a span, not a scatter.
    CHECK(scattered("duration of the order", "en").empty());
    // "family" belongs to the span "family violence": the Family Code is not narrower.
    CHECK(scattered("family violence administrative code", "en").empty());
    // An operator query is left as typed.
    CHECK(scattered("order OR duration", "en").empty());

    // Compiled: texts about the narrower concept earn a bonus; it filters nothing.
    QueryBuilder builder(analyzer);
    builder.set_concepts(&thesaurus, &tagger);
    QueryTree t = parse_query("protection order duration", "en", analyzer);
    group_concept_spans(t, tagger, analyzer);
    find_scattered_concepts(t, tagger, thesaurus);
    BuiltQuery built = builder.compile(t);
    CHECK(built.matched_concepts.count("protection-order-duration") == 1);
    std::string d = built.query.get_description();
    CHECK(d.find("XCprotection-order-duration") != std::string::npos);
}

TEST_CASE("a qualifier beside a broader concept's label names the narrower concept whose label joins them") {
    const char* xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<thesaurus xmlns="urn:himoya:thesaurus:1" version="1">
  <concept id="protection-orders">
    <prefLabel lang="en">protection order</prefLabel>
    <altLabel lang="en">barring order</altLabel>
    <prefLabel lang="ru">охранный ордер</prefLabel>
    <altLabel lang="ru">защитное предписание</altLabel>
  </concept>
  <concept id="emergency-protection-orders">
    <broader>protection-orders</broader>
    <prefLabel lang="en">emergency barring order</prefLabel>
  </concept>
  <concept id="protection-order-duration">
    <broader>protection-orders</broader>
    <prefLabel lang="en">extension of the protection order</prefLabel>
    <prefLabel lang="ru">срок действия охранного ордера</prefLabel>
  </concept>
  <concept id="victim-support">
    <prefLabel lang="ru">помощь пострадавшим</prefLabel>
  </concept>
  <concept id="crisis-centres">
    <broader>victim-support</broader>
    <prefLabel lang="ru">центр помощи пострадавшим</prefLabel>
  </concept>
  <concept id="resource-centres">
    <broader>victim-support</broader>
    <prefLabel lang="ru">ресурсные центры</prefLabel>
  </concept>
</thesaurus>)";
    ConceptReading reading(xml);
    auto scattered = [&](const std::string& q, const std::string& lang) { return reading.scattered(q, lang); };
    const std::vector<std::string> duration{"protection-order-duration"};
    // "срок действия" + another label of protection orders.
    CHECK(scattered("срок действия защитного предписания", "ru") == duration);
    // Beside a concept under protection orders, in another language than the qualifier's label.
    CHECK(scattered("extension of an emergency barring order", "en") == duration);
    // The qualifier alone, or beside no broader concept, names nothing.
    CHECK(scattered("срок действия", "ru").empty());
    // A qualifier word inside the span names nothing: "центры" of "ресурсные
    // центры" (under victim support) is no crisis centre ("центр" + "помощь пострадавшим").
    CHECK(scattered("ресурсные центры Норвегия", "ru").empty());
}
