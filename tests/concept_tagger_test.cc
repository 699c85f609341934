// Concept tagging finds thesaurus labels through the analyser, in every language.
#include <doctest/doctest.h>

#include "analysis/concept_tagger.h"
#include "test_index.h"

using namespace himoya;

namespace {
struct Tagging {
    Analyzer analyzer;
    Thesaurus thesaurus;
    ConceptTagger tagger;
    Tagging() : thesaurus(load()), tagger(thesaurus, analyzer) {}
    static Thesaurus load() {
        std::string error;
        return *Thesaurus::parse(testing::sample_thesaurus(), error);
    }
    std::set<std::string> tag(const std::string& text, const std::string& lang) {
        return tagger.tag(analyzer.analyze(text, lang));
    }
};
}  // namespace

TEST_CASE("labels match inflected forms, stopwords in between ignored") {
    Tagging t;
    CHECK(t.tag("Суд выдал охранные ордера пострадавшей.", "ru") == std::set<std::string>{"protection-orders"});
    CHECK(t.tag("Насилия в семье не допускается", "ru") == std::set<std::string>{"domestic-violence"});
    CHECK(t.tag("Courts issue restraining orders", "en") == std::set<std::string>{"protection-orders"});
    CHECK(t.tag("Ордери ҳимоявӣ дода мешавад", "tg") == std::set<std::string>{"protection-orders"});
}

TEST_CASE("words must be adjacent and in order") {
    Tagging t;
    CHECK(t.tag("an order for the protection of wildlife", "en").empty());
    CHECK(t.tag("ордер охранный", "ru").empty());
}

TEST_CASE("several concepts in one text, longest label spans reported") {
    Tagging t;
    auto tokens = t.analyzer.analyze("Removal from the home and a shelter for victims of domestic violence", "en");
    auto ids = t.tagger.tag(tokens);
    CHECK(ids == std::set<std::string>{"emergency-protection-orders", "shelters", "domestic-violence"});
    auto matches = t.tagger.match(tokens);
    REQUIRE(!matches.empty());
    CHECK(matches[0].concept_id == "emergency-protection-orders");
    CHECK(matches[0].first_token == 0);
    CHECK(matches[0].last_token == 3);
}
