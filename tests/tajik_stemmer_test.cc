// The Tajik stemmer: unit cases and the gold-standard evaluation
// (tests/data/stemmer/tajik_gold.txt), with thresholds just under the
// measured figures (bench/analysis_eval prints the full table).
#include <doctest/doctest.h>

#include <string>

#include "analysis/analyzer.h"
#include "analysis/normalizer.h"
#include "analysis/tajik_stemmer.h"
#include "bench/stem_eval.h"

using himoya::TajikStemmer;

namespace {

std::string tg(const std::string& w) {
    static TajikStemmer stemmer;
    return stemmer(w);
}
std::string folded(const std::string& w) {
    static himoya::Analyzer a;
    return a.folded_stem(a.canonical(w));
}

}  // namespace

TEST_CASE("inflection is stripped outermost first") {
    CHECK(tg("ҳуқуқҳояшонро") == "ҳуқуқ");   // plural + possessive + accusative
    CHECK(tg("кишварамон") == "кишвар");     // possessive
    CHECK(tg("кишварҳоеро") == "кишвар");    // plural + indefinite + accusative
    CHECK(tg("ҳуқуқу") == "ҳуқуқ");          // clitic "and"
    CHECK(tg("технологияву") == "технология");
    CHECK(tg("намояндагон") == "намоянда");  // -гон after -а
    CHECK(tg("бузургтарин") == "бузург");    // comparative
    CHECK(tg("шаҳрвандон") == "шаҳрванд");
}

TEST_CASE("izofat after -ӣ restores the -ӣ; derivation is kept apart") {
    CHECK(tg("пешгирии") == "пешгирӣ");
    CHECK(tg("озодиҳо") == "озодӣ");
    CHECK(tg("давлатиамон") == "давлатӣ");
    CHECK(tg("давлати") == "давлат");
    CHECK(tg("давлатӣ") != tg("давлат"));
}

TEST_CASE("exceptions and minimum stem length") {
    CHECK(tg("тоҷикистон") == "тоҷикистон");
    CHECK(tg("тоҷикистони") == "тоҷикистон");
    CHECK(tg("забон") == "забон");
    CHECK(tg("инсон") == "инсон");
    CHECK(tg("замин") == "замин");
    CHECK(tg("маълумот") == "маълумот");
    CHECK(tg("бари") == "бар");
    CHECK(tg("ро") == "ро");
    // Verb prefixes are deliberately left: мебошад is not reduced to бош-.
    CHECK(tg("мебошад") == "мебошад");
}

TEST_CASE("the folded mode reads substitute spellings") {
    CHECK(folded("зӯроварӣ") == folded("зуровари"));
    CHECK(folded("зӯроварӣ") == folded("зўроварї"));
    CHECK(folded("ҳуқуқҳо") == folded("хукукхо"));
    CHECK(folded("пешгирии") == folded("пешгири"));
    CHECK(folded("тоҷикистони") == "точикистон");
}

TEST_CASE("gold standard: recall and wrong merges") {
    auto gold = himoya::eval::read_gold(HIMOYA_SOURCE_DIR "/tests/data/stemmer/tajik_gold.txt");
    size_t forms = 0;
    for (const auto& g : gold) forms += g.forms.size();
    REQUIRE(forms >= 500);
    himoya::Analyzer a;
    auto score = himoya::eval::score(gold, [&](const std::string& w) { return a.stem(a.canonical(w), "tg"); });
    MESSAGE("tajik stemmer: recall " << score.recall << ", wrong merges " << score.wrong_merge);
    // Measured 0.911 and 0.97% (docs/analysis.md); goal ≥ 0.85 and ≤ 3%.
    CHECK(score.recall >= 0.90);
    CHECK(score.wrong_merge <= 0.012);
    auto none = himoya::eval::score(gold, [&](const std::string& w) { return a.canonical(w); });
    CHECK(score.recall > none.recall);
}
