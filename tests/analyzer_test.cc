// The analysis chain on Tajik, Russian and English text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/language.h"
#include "analysis/term_scheme.h"

using himoya::Analyzer;
using himoya::Token;

namespace {

std::vector<std::string> terms_of(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.term);
    return out;
}

}  // namespace

TEST_CASE("Tajik words keep their letters and are case-folded") {
    Analyzer a;
    auto tokens = a.analyze("Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила»", "tg");
    CHECK(terms_of(tokens) == std::vector<std::string>{"қонуни", "ҷумҳурии", "тоҷикистон", "дар", "бораи",
                                                       "пешгирии", "зӯроварӣ", "дар", "оила"});
    CHECK(tokens[0].lang == "tg");
    CHECK(tokens[3].stopword);          // дар
    CHECK_FALSE(tokens[6].stopword);    // зӯроварӣ
    // positions count words, quotes and guillemets are not words
    CHECK(tokens.back().position == 9);
}

TEST_CASE("old-font Tajik letters map to the canonical ones") {
    Analyzer a;
    CHECK(a.canonical("зўроварї") == "зӯроварӣ");
    CHECK(a.canonical("ЊИМОЯ") == "ҳимоя");
    CHECK(a.canonical("ќонун") == "қонун");
    CHECK(a.canonical("љабрдида") == "ҷабрдида");
    CHECK(a.canonical("ѓамхорї") == "ғамхорӣ");
}

TEST_CASE("combining macron composes with NFKC") {
    Analyzer a;
    CHECK(a.canonical("зӯроварӣ") == a.canonical("зу\u0304роварӣ"));  // у + U+0304 → ӯ
    CHECK(a.canonical("зӯроварӣ") == a.canonical("зӯровари\u0304"));  // и + U+0304 → ӣ
}

TEST_CASE("Russian: ё folds to е and words are stemmed with Snowball russian") {
    Analyzer a;
    auto tokens = a.analyze("Охранный ордер выдаётся жертве насилия в семье", "ru");
    REQUIRE(tokens.size() == 7);
    CHECK(tokens[2].term == "выдается");
    CHECK(tokens[0].stem == "охра");  // Snowball russian
    CHECK(tokens[5].stopword);  // в
    auto other = a.analyze("охранные ордера", "ru");
    CHECK(other[0].stem == tokens[0].stem);
    CHECK(other[1].stem == tokens[1].stem);
}

TEST_CASE("American and British spellings of one English word share a stem, the words keep their form") {
    Analyzer a;
    auto stem_of = [&](const std::string& word) {
        auto tokens = a.analyze(word, "en");
        REQUIRE(tokens.size() == 1);
        return tokens[0].stem;
    };
    const std::vector<std::pair<std::string, std::string>> pairs{
        {"programs", "programmes"},     {"program", "programme"},       {"behavior", "behaviour"},
        {"behavioral", "behavioural"},  {"criminalize", "criminalise"}, {"criminalization", "criminalisation"},
        {"recognized", "recognised"},   {"center", "centre"},           {"centers", "centres"},
        {"defense", "defence"},         {"offenses", "offences"},       {"counseling", "counselling"},
        {"counselor", "counsellor"},    {"labor", "labour"},            {"analyze", "analyse"},
        {"judgment", "judgement"},      {"organization", "organisation"}};
    for (const auto& [us, uk] : pairs) {
        CAPTURE(us);
        CHECK(stem_of(us) == stem_of(uk));
    }
    // Words whose z or -or is not the convention's stay apart.
    CHECK(stem_of("size") != stem_of("sis"));
    CHECK(stem_of("seized") == stem_of("seize"));
    CHECK(stem_of("laboratory") != stem_of("labour"));
    CHECK(stem_of("citizen") == stem_of("citizens"));
    // The word as written is kept.
    auto tokens = a.analyze("programs", "en");
    CHECK(tokens[0].term == "programs");
}

TEST_CASE("English is stemmed with Snowball english; soft hyphens vanish") {
    Analyzer a;
    auto tokens = a.analyze("Protection orders protect victims.", "en");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].stem == "protect");
    CHECK(tokens[2].stem == "protect");
    CHECK(a.canonical("pro\u00ADtection") == "protection");
    CHECK(a.canonical("ﬁle") == "file");  // NFKC ligature
}

TEST_CASE("byte offsets point back into the original text") {
    Analyzer a;
    std::string text = "Моддаи 5. Ордери ҳимоявӣ";
    auto tokens = a.analyze(text, "tg");
    REQUIRE(tokens.size() == 4);
    for (const auto& t : tokens) CHECK(text.substr(t.start, t.end - t.start) == t.raw);
    CHECK(tokens[1].raw == "5");
    CHECK(tokens[1].lang.empty());  // numbers are not stemmed
}

TEST_CASE("Latin words in a Tajik text are stemmed as English") {
    Analyzer a;
    auto tokens = a.analyze("OSCE trainings дар Хуҷанд", "tg");
    CHECK(tokens[1].lang == "en");
    CHECK(tokens[1].stem == "train");
    CHECK(tokens[3].lang == "tg");
}

TEST_CASE("query words without Tajik letters get both Russian and Tajik stems") {
    Analyzer a;
    auto tokens = a.analyze("насилия", "auto");
    REQUIRE(tokens.size() == 1);
    auto stems = a.query_stems(tokens[0], "auto");
    CHECK(stems.size() == 2);
    CHECK(a.query_stems(tokens[0], "ru").size() == 1);
}

TEST_CASE("invalid UTF-8 does not break analysis") {
    Analyzer a;
    std::string bad = "law \xff\xfe order";
    auto tokens = a.analyze(bad, "en");
    CHECK(terms_of(tokens) == std::vector<std::string>{"law", "order"});
}

TEST_CASE("language detection by script and Tajik letters") {
    CHECK(himoya::detect_language("Ҳар кас ҳуқуқ дорад ба ҳаёт ва озодӣ") == "tg");
    CHECK(himoya::detect_language("Каждый человек имеет право на жизнь") == "ru");
    CHECK(himoya::detect_language("Everyone has the right to life") == "en");
    CHECK(himoya::detect_language("2013") == "");
}

TEST_CASE("boolean terms are lower-cased slugs") {
    CHECK(himoya::terms::boolean_term(himoya::terms::kJurisdiction, "BA-SRP") == "Nba-srp");
    CHECK(himoya::terms::slug("Majlisi Oli of the Republic") == "majlisi-oli-of-the-republic");
    CHECK(himoya::terms::slug("Маҷлиси Олӣ") == "маҷлиси-олӣ");
}

TEST_CASE("a Latin Tajik plural after z, k, s is read both ways, other digraphs one way") {
    Analyzer a;
    CHECK(a.latin_tajik_spellings("markazhoi") == std::vector<std::string>{"маркажои", "марказҳои"});
    CHECK(a.latin_tajik_spellings("kudakhoi") == std::vector<std::string>{"кудахои", "кудакҳои"});
    CHECK(a.latin_tajik_spellings("asoshoro") == std::vector<std::string>{"асошоро", "асосҳоро"});
    for (const char* w : {"shohid", "khona", "zhurnal", "kharbuza", "zurovari", "huquqhoi"}) {
        CAPTURE(w);
        CHECK(a.latin_tajik_spellings(w).size() == 1);
    }
    CHECK(a.latin_tajik_spellings("shohid")[0] == "шоҳид");
    auto plural = a.latin_tajik_reading("markazhoi", true);
    REQUIRE(plural.size() == 1);
    CHECK(plural[0].term == "марказхои");  // the Tajik letters folded
}
