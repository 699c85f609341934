// The thesaurus: parsing, hierarchy, Istanbul mapping, errors; and the real
// corpus/thesaurus.xml has labels in all three languages for every concept,
// and none of its labels, once analysed, means less than it says.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/thesaurus.h"
#include "test_index.h"

using namespace himoya;

TEST_CASE("parse labels, hierarchy and Istanbul articles") {
    std::string error;
    auto t = Thesaurus::parse(testing::sample_thesaurus(), error);
    REQUIRE_MESSAGE(t, error);
    CHECK(t->concepts().size() == 4);
    const Concept* po = t->find("protection-orders");
    REQUIRE(po);
    CHECK(po->label("ru") == "охранный ордер");
    CHECK(po->label("fr") == "protection order");  // falls back to English
    CHECK(po->narrower == std::vector<std::string>{"emergency-protection-orders"});
    CHECK(t->with_descendants("protection-orders").size() == 2);
    CHECK(t->for_istanbul_article("52") == std::vector<std::string>{"emergency-protection-orders"});
    CHECK(t->istanbul_articles() == std::vector<std::string>{"3", "23", "52", "53"});  // numeric order
    CHECK(t->top_concepts().size() == 3);
}

TEST_CASE("errors name the line") {
    std::string error;
    CHECK_FALSE(Thesaurus::parse("<thesaurus>\n<concept id='a'>\n</thesaurus>", error));
    CHECK(error.rfind("line ", 0) == 0);
    CHECK_FALSE(Thesaurus::parse("<thesaurus><concept id='a'><broader>zzz</broader></concept></thesaurus>", error));
    CHECK(error.find("zzz") != std::string::npos);
    CHECK_FALSE(Thesaurus::parse("<thesaurus><concept id='a'/><concept id='a'/></thesaurus>", error));
}

TEST_CASE("corpus thesaurus: at least 80 concepts, each with prefLabels in tg, ru and en") {
    std::string error;
    auto t = Thesaurus::load(HIMOYA_SOURCE_DIR "/corpus/thesaurus.xml", error);
    REQUIRE_MESSAGE(t, error);
    CHECK(t->concepts().size() >= 80);
    for (const Concept& c : t->concepts())
        for (const char* lang : {"tg", "ru", "en"})
            CHECK_MESSAGE(c.pref_label.count(lang), c.id << " has no " << lang << " label");
    CHECK(t->istanbul_articles().size() >= 20);
    REQUIRE(t->find("emergency-protection-orders"));
    CHECK(!t->find("emergency-protection-orders")->istanbul.empty());
}

// A label matches where its content words occur (stopwords ignored). A label
// written as several words that keeps only one is matched by that word alone:
// "in-laws" was matched by every "law", so 373 records of the bundled corpus
// mentioned "family members" and the query "the law" was read as that concept.
// Two concepts with one label would make one word mean both.
TEST_CASE("corpus thesaurus: no label of several words is matched by one of them; no two concepts share a label") {
    std::string error;
    auto t = Thesaurus::load(HIMOYA_SOURCE_DIR "/corpus/thesaurus.xml", error);
    REQUIRE_MESSAGE(t, error);
    Analyzer analyzer;
    ConceptTagger tagger(*t, analyzer);
    std::map<std::string, std::set<std::string>> concepts_of;  // lang + stems -> concepts
    size_t labels = 0;
    for (const Concept& c : t->concepts())
        for (const LabelPattern* p : tagger.patterns_of(c.id)) {
            ++labels;
            size_t words = 1;
            for (char ch : p->label) words += ch == ' ' || ch == '-';
            CHECK_MESSAGE(!(words > 1 && p->stems.size() == 1),
                          c.id << ": the " << p->lang << " label '" << p->label << "' is matched by '" << p->stems[0]
                               << "' alone");
            std::string key = p->lang;
            for (const std::string& s : p->stems) key += " " + s;
            concepts_of[key].insert(c.id);
        }
    CHECK(labels > 1000);
    for (const auto& [key, ids] : concepts_of)
        CHECK_MESSAGE(ids.size() == 1, "label stems '" << key << "' belong to " << ids.size() << " concepts, "
                                                       << *ids.begin() << " and " << *ids.rbegin());
}
