// Query syntax → Xapian queries through the shared analyser.
#include <doctest/doctest.h>

#include "analysis/analyzer.h"
#include "search/query_builder.h"
#include "search/search_types.h"

using namespace himoya;

namespace {
std::string describe(const std::string& q, const std::string& lang = "auto") {
    Analyzer a;
    QueryBuilder b(a);
    return b.build(q, lang).query.get_description();
}
}  // namespace

TEST_CASE("an empty query browses everything") {
    Analyzer a;
    QueryBuilder b(a);
    auto built = b.build("   ", "auto");
    CHECK(built.empty);
    CHECK(built.query.get_description() == Xapian::Query(std::string()).get_description());
}

TEST_CASE("words are ANDed, each as exact term OR stem") {
    std::string d = describe("protection orders", "en");
    CHECK(d.find("AND") != std::string::npos);
    CHECK(d.find("Zprotect") != std::string::npos);
    CHECK(d.find("protection") != std::string::npos);
    CHECK(d.find("Zorder") != std::string::npos);
}

TEST_CASE("phrases use positions and keep stopwords") {
    std::string d = describe("\"зӯроварӣ дар оила\"", "tg");
    CHECK(d.find("PHRASE 3") != std::string::npos);
    CHECK(d.find("дар") != std::string::npos);
}

TEST_CASE("stopwords are dropped outside phrases, unless nothing else is left") {
    CHECK(describe("the protection", "en").find("the") == std::string::npos);
    CHECK(describe("the", "en").find("the") != std::string::npos);
}

TEST_CASE("OR, NOT and minus") {
    CHECK(describe("police OR court", "en").find(" OR ") != std::string::npos);
    CHECK(describe("police NOT court", "en").find("AND_NOT") != std::string::npos);
    CHECK(describe("police -court", "en").find("AND_NOT") != std::string::npos);
    CHECK(describe("-court", "en").find("AND_NOT") != std::string::npos);  // pure negation: all but
}

TEST_CASE("title: searches the title field") {
    std::string d = describe("title:law", "en");
    CHECK(d.find("Slaw") != std::string::npos);
    CHECK(d.find("ZSlaw") != std::string::npos);
}

TEST_CASE("Russian and Tajik query words: stems of both languages for ambiguous Cyrillic") {
    std::string d = describe("насилия", "auto");
    CHECK(d.find("Zнасил") != std::string::npos);  // Russian stem
    CHECK(d.find("Zнасилия") != std::string::npos);  // Tajik (identity) stem
}

TEST_CASE("highlight terms and suggestion words are collected") {
    Analyzer a;
    QueryBuilder b(a);
    auto built = b.build("ордери ҳимоявӣ -суд", "tg");
    CHECK(built.highlight_terms.count("ордери"));
    CHECK(built.highlight_terms.count("ҳимоявӣ"));
    CHECK_FALSE(built.highlight_terms.count("суд"));
    REQUIRE(built.words.size() == 2);
    CHECK(built.words[0].raw == "ордери");
}

TEST_CASE("unbalanced quotes and parentheses are forgiven; deep nesting is refused") {
    CHECK_NOTHROW(describe("\"protection order"));
    CHECK_NOTHROW(describe("(police OR court"));
    CHECK_NOTHROW(describe("police) court)"));
    CHECK_NOTHROW(describe("AND OR NOT"));
    CHECK_THROWS_AS(describe(std::string(200, '(') + "x"), BadRequest);
}

TEST_CASE("random bytes never crash the builder") {
    Analyzer a;
    QueryBuilder b(a);
    unsigned seed = 12345;
    for (int round = 0; round < 200; ++round) {
        std::string q;
        for (int i = 0; i < 64; ++i) {
            seed = seed * 1103515245 + 12345;
            q += static_cast<char>((seed >> 16) & 0xFF);
        }
        try {
            b.build(q, "auto");
        } catch (const BadRequest&) {
        }
    }
    CHECK(true);
}
