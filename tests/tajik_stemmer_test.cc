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
}

TEST_CASE("the folded mode reads substitute spellings") {
    CHECK(folded("зӯроварӣ") == folded("зуровари"));
    CHECK(folded("зӯроварӣ") == folded("зўроварї"));
    CHECK(folded("ҳуқуқҳо") == folded("хукукхо"));
    CHECK(folded("пешгирии") == folded("пешгири"));
    CHECK(folded("тоҷикистони") == "точикистон");
}

TEST_CASE("ме- present and subjunctive share a stem: медиҳад медиҳанд намедиҳад диҳад диҳанд надиҳад") {
    for (const char* w : {"медиҳад", "медиҳанд", "медиҳем", "намедиҳад", "намедиҳанд", "диҳад", "диҳанд", "надиҳад"})
        CHECK_MESSAGE(tg(w) == "медиҳ", w);
    for (const char* w : {"мекунад", "мекунанд", "мекунам", "намекунад", "кунад", "кунанд", "накунанд"})
        CHECK_MESSAGE(tg(w) == "мекун", w);
    CHECK(tg("метавонанд") == tg("тавонад"));  // "… метавонанд … ордери ҳимоявӣ диҳанд"
    CHECK(tg("менамояд") == "менамо");         // -яд, -янд after a vowel
    CHECK(tg("намоянд") == "менамо");
    CHECK(tg("мехоҳанд") == tg("хоҳад"));
    CHECK(tg("медиҳаду") == "медиҳ");          // clitic "and" first
}

TEST_CASE("ме- stays on the verb stem: мезанад is not зан, мекорад is not кор") {
    CHECK(tg("мезанад") == "мезан");
    CHECK(tg("занад") == "мезан");
    CHECK(tg("занон") == "зан");
    CHECK(tg("мекорад") != tg("кор"));
}

TEST_CASE("nouns starting with ме- stay nouns: меъёр меъёрӣ мева меҳнат меҳмон") {
    CHECK(tg("меъёр") == "меъёр");
    CHECK(tg("меъёрӣ") == "меъёрӣ");    // -ӣ after ме- is an adjective unless the stem is a listed verb
    CHECK(tg("меҳнатӣ") == "меҳнатӣ");
    CHECK(tg("меҳнати") == "меҳнат");
    CHECK(tg("мева") == "мева");
    CHECK(tg("меваҳои") == "мева");
    CHECK(tg("меҳмон") == "меҳмон");
    CHECK(tg("мекунӣ") == "мекун");     // but the 2nd singular of a listed verb is a verb
}

TEST_CASE("a bare ending is stripped only after a listed verb stem: фарзанд шаҳрванд пайванд мақсад ҳам қадам одам") {
    for (const char* w : {"фарзанд", "шаҳрванд", "пайванд", "мақсад", "ҳам", "қадам", "одам", "ислом", "баланд"})
        CHECK_MESSAGE(tg(w) == w, w);
    CHECK(tg("раванд") == "раванд");     // "process", not "let them go"
    CHECK(tg("раванди") == "раванд");
    CHECK(tg("монанд") == "монанд");     // "similar"
    CHECK(tg("равад") == "мерав");
    CHECK(tg("занам") == "занам");       // "my wife": -ам without ме- is not taken
    CHECK(tg("дорам") == "дорам");
    CHECK(tg("медорам") == "медор");
}

TEST_CASE("the folded mode reads verbs typed with substitutes: медихад дихад намедихад") {
    CHECK(folded("медиҳад") == "медих");
    CHECK(folded("медихад") == "медих");
    CHECK(folded("диханд") == "медих");
    CHECK(folded("намедихад") == "медих");
    CHECK(folded("мехохад") == folded("хоҳад"));
    CHECK(folded("меъёри") == folded("меъёр"));
    CHECK(folded("монанди") == folded("монанд"));
}

TEST_CASE("gold standard: recall and wrong merges") {
    auto gold = himoya::eval::read_gold(HIMOYA_SOURCE_DIR "/tests/data/stemmer/tajik_gold.txt");
    size_t forms = 0;
    for (const auto& g : gold) forms += g.forms.size();
    REQUIRE(forms >= 500);
    himoya::Analyzer a;
    auto score = himoya::eval::score(gold, [&](const std::string& w) { return a.stem(a.canonical(w), "tg"); });
    MESSAGE("tajik stemmer: recall " << score.recall << ", wrong merges " << score.wrong_merge);
    // Measured 0.932 and 0.79% (docs/analysis.md); goal ≥ 0.85 and ≤ 3%.
    CHECK(score.recall >= 0.92);
    CHECK(score.wrong_merge <= 0.009);
    auto none = himoya::eval::score(gold, [&](const std::string& w) { return a.canonical(w); });
    CHECK(score.recall > none.recall);
}

TEST_CASE("a personal possessive gives its base for the query side: шавҳарам шавҳаратро занамро хонаам") {
    using himoya::tajik_possessive_base;
    CHECK(tajik_possessive_base("шавҳарам") == "шавҳар");
    CHECK(tajik_possessive_base("шавҳаратро") == "шавҳар");
    CHECK(tajik_possessive_base("занамро") == "зан");
    CHECK(tajik_possessive_base("хонаам") == "хона");
    CHECK(tajik_possessive_base("бобоям") == "бобо");
    CHECK(tajik_possessive_base("шавхарам") == "шавхар");  // substitutes as typed
    // No such ending, or a base shorter than the stemmer's minimum.
    CHECK(tajik_possessive_base("шавҳар").empty());
    CHECK(tajik_possessive_base("ҳам").empty());
    CHECK(tajik_possessive_base("олам").empty());
    CHECK(tajik_possessive_base("ҳамро").empty());
    // -ям after a consonant is not a possessive.
    CHECK(tajik_possessive_base("китобям").empty());
}
