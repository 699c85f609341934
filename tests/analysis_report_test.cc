// The analyze service (search/analysis_report.h): every stage of the analysis
// of a text, with the view's Analyzer or a fresh one.
#include <doctest/doctest.h>

#include "search/analysis_report.h"
#include "search/index_view.h"
#include "test_index.h"

using namespace himoya;

TEST_CASE("analyze_text reports each token's term, stem and language") {
    testing::TestIndex index;
    IndexView view({index.path()});
    AnalysisReport report = analyze_text(view, "Охранные ордера", "auto");
    CHECK(report.lang == "ru");
    CHECK_FALSE(report.latin_tajik);
    REQUIRE(report.tokens.size() == 2);
    CHECK(report.tokens[0].raw == "Охранные");
    CHECK(report.tokens[0].term == "охранные");
    CHECK(report.tokens[1].stem == "ордер");
    CHECK(analysis_report("Охранные ордера", "auto").tokens.size() == 2);  // the same with a fresh Analyzer
}

TEST_CASE("analysis_report reads Latin-script Tajik also as Tajik Cyrillic") {
    AnalysisReport report = analysis_report("qonuni jumhurii tojikiston dar borai peshgirii zurovari", "auto");
    CHECK(report.lang == "tg");
    REQUIRE(report.latin_tajik);
    bool read_as_cyrillic = false;
    for (const TokenReport& t : report.tokens)
        if (t.tajik) read_as_cyrillic = true;
    CHECK(read_as_cyrillic);
}
