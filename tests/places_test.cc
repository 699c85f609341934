// Places named in queries: names from data, matched through the analyser in
// tg/ru/en with inflection and Tajik substitute spellings, longest name first.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "search/places.h"

using namespace himoya;

namespace {

std::string corpus_names() {
    std::ifstream in(HIMOYA_SOURCE_DIR "/corpus/jurisdictions.xml");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> codes(const PlaceRecognizer& places, Analyzer& analyzer, const std::string& query,
                               const std::string& lang = "auto") {
    std::vector<std::string> out;
    for (const PlaceSpan& s : places.find(analyzer, query, lang))
        for (const auto& c : s.jurisdictions) out.push_back(c);
    return out;
}

}  // namespace

TEST_CASE("country and entity names in three languages, inflected, abbreviated or as adjectives") {
    Analyzer analyzer;
    PlaceRecognizer places(corpus_names(), analyzer);
    REQUIRE_FALSE(places.empty());
    CHECK(codes(places, analyzer, "охранный ордер в Грузии") == std::vector<std::string>{"GE"});
    CHECK(codes(places, analyzer, "паноҳгоҳ дар Гурҷистон") == std::vector<std::string>{"GE"});
    CHECK(codes(places, analyzer, "how long does an emergency order last in Brčko") == std::vector<std::string>{"BA-BRC"});
    CHECK(codes(places, analyzer, "Moldova protection order duration") == std::vector<std::string>{"MD"});
    CHECK(codes(places, analyzer, "таджикский закон о насилии") == std::vector<std::string>{"TJ"});
    CHECK(codes(places, analyzer, "FBiH emergency measures") == std::vector<std::string>{"BA-BIH"});
    // typed on a Russian keyboard: ҷ as ч
    CHECK(codes(places, analyzer, "ордери химояви дар Точикистон") == std::vector<std::string>{"TJ"});
    // the longest name wins: the Federation, not Bosnia's three entities
    CHECK(codes(places, analyzer, "law of the Federation of Bosnia and Herzegovina") == std::vector<std::string>{"BA-BIH"});
    CHECK(codes(places, analyzer, "entity laws of Bosnia") == std::vector<std::string>{"BA-BIH", "BA-SRP", "BA-BRC"});
    CHECK(codes(places, analyzer, "protection order for the victim").empty());
    // America, as English and Russian write it ("US" alone is the pronoun "us": left out)
    CHECK(codes(places, analyzer, "protection order in America") == std::vector<std::string>{"US", "US-FL"});
    CHECK(codes(places, analyzer, "охранный ордер в Америке") == std::vector<std::string>{"US", "US-FL"});
    CHECK(codes(places, analyzer, "help us").empty());
}

TEST_CASE("the place's words are blanked out of the query, the rest stays") {
    Analyzer analyzer;
    PlaceRecognizer places(corpus_names(), analyzer);
    std::string q = "shelter in Georgia";
    auto spans = places.find(analyzer, q, "en");
    REQUIRE(spans.size() == 1);
    CHECK(without_spans(q, spans) == "shelter in        ");
    // A state's official name is one place, "Republic" included, in every language and spelling.
    const std::string tg = "паноҳгоҳ дар Ҷумҳурии Тоҷикистон";
    spans = places.find(analyzer, tg, "tg");
    REQUIRE(spans.size() == 1);
    CHECK(without_spans(tg, spans).find("Ҷумҳурии") == std::string::npos);
    CHECK(codes(places, analyzer, "панохгох дар Чумхурии Точикистон") == std::vector<std::string>{"TJ"});
    const std::string ru = "охранный ордер Кыргызской Республики";
    spans = places.find(analyzer, ru, "ru");
    REQUIRE(spans.size() == 1);
    CHECK(without_spans(ru, spans).find("Республики") == std::string::npos);
    CHECK(codes(places, analyzer, "protection orders in the Republic of Kazakhstan") == std::vector<std::string>{"KZ"});
}

TEST_CASE("Latin-script Tajik names a place when read as Tajik, not otherwise") {
    Analyzer analyzer;
    PlaceRecognizer places(corpus_names(), analyzer);
    const std::string q = "orderi himoyavi dar Jumhurii Tojikiston";
    CHECK(places.find(analyzer, q, "auto").empty());
    auto spans = places.find(analyzer, q, "auto", true);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].jurisdictions == std::vector<std::string>{"TJ"});
    CHECK(q.substr(spans[0].start, spans[0].end - spans[0].start) == "Jumhurii Tojikiston");
    spans = places.find(analyzer, "panohgoh dar Gurjiston", "auto", true);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].jurisdictions == std::vector<std::string>{"GE"});
}

TEST_CASE("no names, or a broken table: nothing is recognised") {
    Analyzer analyzer;
    CHECK(PlaceRecognizer("", analyzer).empty());
    CHECK(PlaceRecognizer("<jurisdictions><not-closed", analyzer).empty());
}

TEST_CASE("a Russian -стан name in every case: the two stems the stemmer gives are both listed") {
    Analyzer analyzer;
    PlaceRecognizer places(corpus_names(), analyzer);
    for (const char* q : {"закон Таджикистана", "кто выдаёт охранный ордер в Таджикистане", "Таджикистан",
                          "по Таджикистану"})
        CHECK(codes(places, analyzer, q) == std::vector<std::string>{"TJ"});
}
