// Every label the API can emit over the bundled corpus exists in Tajik,
// Russian and English: facet values (jurisdiction, language, type, topic,
// issuing body, audience, legal status), relations, text statuses, Istanbul
// Convention article titles, facet names, concept labels and definitions.
#include <doctest/doctest.h>

#include <set>

#include "search/compare.h"
#include "search/labels.h"
#include "search/index_view.h"
#include "search/search_service.h"
#include "search/topic_service.h"
#include "server/api_json.h"
#include "corpus_index.h"

using namespace himoya;
using nlohmann::json;

namespace {

// Fails naming the value when a language has no label of its own; a Russian
// or Tajik label equal to the English one counts as missing unless the value
// is a name written the same in both (digits, Latin acronyms).
void check_all_languages(const Labels& labels, const std::string& kind, const std::string& value) {
    for (const std::string& lang : Labels::languages()) {
        INFO(kind << " '" << value << "' in " << lang);
        CHECK(labels.has(kind, value, lang));
    }
    if (labels.has(kind, value, "en") && labels.has(kind, value, "ru") && labels.has(kind, value, "tg")) {
        std::string en = labels.label(kind, value, "en");
        bool latin = true;
        for (unsigned char c : en) latin = latin && c < 0x80;
        if (latin && en.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) {
            INFO(kind << " '" << value << "': the Russian or Tajik label is the English one");
            CHECK(labels.label(kind, value, "ru") != en);
            CHECK(labels.label(kind, value, "tg") != en);
        }
    }
}

}  // namespace

TEST_CASE("every facet value, status, relation and Istanbul title the corpus yields is labelled in tg, ru and en") {
    testing::CorpusIndex index("labels");
    IndexView view({index.db});
    const Labels& labels = view.labels();
    SearchRequest browse;
    browse.scope = Scope::all;
    browse.versions = VersionMode::separate;
    SearchResult all = run_search(view, browse);
    int values = 0;
    for (const auto& [facet, counts] : all.facets) {
        check_all_languages(labels, "facet", facet);
        if (facet == "year") continue;
        for (const FacetCount& c : counts) {
            check_all_languages(labels, facet, c.value);
            ++values;
        }
    }
    CHECK(values > 100);
    for (const auto& kind : {"status", "relation", "text_status"})
        for (const auto& [value, by_lang] : labels.all().at(kind)) check_all_languages(labels, kind, value);
    // Istanbul Convention titles: every article the thesaurus relates a concept to.
    MatrixRequest matrix;
    matrix.jurisdictions = {"TJ"};
    for (const auto& row : to_json(coverage_matrix(view, matrix))["rows"])
        check_all_languages(labels, "istanbul", row["key"].get<std::string>());
}

TEST_CASE("every concept has its label and its definition in tg, ru and en") {
    testing::CorpusIndex index("labels");
    IndexView view({index.db});
    auto topics = encoded(list_topics(view));
    REQUIRE(topics);
    for (const auto& c : (*topics)["concepts"]) {
        std::string id = c["id"];
        check_all_languages(view.labels(), "topic", id);
        for (const char* lang : {"en", "ru", "tg"}) {
            INFO("definition of " << id << " in " << std::string(lang));
            CHECK(c["definition"].contains(lang));
        }
    }
}

TEST_CASE("labels fall back to English, then to the value") {
    Labels labels;
    CHECK(labels.label("type", "law", "tg") == "Қонун");
    CHECK(labels.label("status", "repealed", "ru") == "Утратил силу");
    CHECK(labels.label("type", "no-such-type", "ru") == "no-such-type");
    terms::LabelTable bodies{{"tj-majlisi-oli", {{"en", "Majlisi Oli"}}}};
    labels.add_table("body", bodies);
    CHECK(labels.label("body", "tj-majlisi-oli", "tg") == "Majlisi Oli");
    CHECK_FALSE(labels.has("body", "tj-majlisi-oli", "tg"));
}
