// Canonical normalisation, the same for documents and queries: old-font and
// look-alike letters, homoglyphs of the other script, combining macrons,
// invisible characters, ё. Also what `himoya analyze` shows of it.
#include <doctest/doctest.h>

#include <string>

#include "analysis/analyzer.h"
#include "analysis/normalizer.h"
#include "analysis/utf8.h"
#include "process.h"
#include "search/analysis_report.h"
#include "server/api_json.h"

using himoya::Analyzer;

TEST_CASE("old-font letters and other alphabets' look-alikes become Tajik letters") {
    Analyzer a;
    CHECK(a.canonical("ўњїќљѓ") == "ӯҳӣқҷғ");
    CHECK(a.canonical("ЎЊЇЌЉЃ") == "ӯҳӣқҷғ");
    CHECK(a.canonical("һимоя") == "ҳимоя");     // Kazakh shha
    CHECK(a.canonical("ҝонун") == "қонун");     // Azerbaijani ka
    CHECK(a.canonical("ҹабрдида") == "ҷабрдида");  // Azerbaijani che
}

TEST_CASE("и/у with a combining macron compose to ӣ/ӯ (NFKC)") {
    Analyzer a;
    CHECK(a.canonical("зу\u0304роварӣ") == "зӯроварӣ");
    CHECK(a.canonical("зӯровари\u0304") == "зӯроварӣ");
    CHECK(a.canonical("ЗУ\u0304РОВАРИ\u0304") == "зӯроварӣ");
}

TEST_CASE("soft hyphen, ZWNJ and BOM vanish; Russian ё is е") {
    Analyzer a;
    CHECK(a.canonical("зӯро\u00ADварӣ") == "зӯроварӣ");
    CHECK(a.canonical("зӯро\u200Cварӣ") == "зӯроварӣ");
    CHECK(a.canonical("\uFEFFзӯроварӣ") == "зӯроварӣ");
    CHECK(a.canonical("выдаётся") == "выдается");
    // The tokenizer keeps them inside the word.
    auto tokens = a.analyze("\uFEFFпро\u00ADтокол", "ru");
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].term == "протокол");
}

TEST_CASE("a word-final й after a consonant is ӣ typed on a Russian keyboard") {
    Analyzer a;
    CHECK(a.canonical("зуроварй") == "зуроварӣ");
    CHECK(a.canonical("ДАВЛАТЙ") == "давлатӣ");
    CHECK(a.canonical("ҳуқуқй") == "ҳуқуқӣ");
    // й after a vowel, inside a word, or alone is the letter itself.
    CHECK(a.canonical("бой") == "бой");
    CHECK(a.canonical("край") == "край");          // Russian
    CHECK(a.canonical("тағйир") == "тағйир");      // consonant + й inside a word is real
    CHECK(a.canonical("й") == "й");
    // The same term as the word typed with Tajik letters' keyboard substitutes.
    CHECK(a.canonical("зуроварй") == a.canonical("зуроварӣ"));
}

TEST_CASE("Latin homoglyphs inside Cyrillic words become Cyrillic") {
    Analyzer a;
    CHECK(a.canonical("зӯрoварӣ") == "зӯроварӣ");           // Latin o
    CHECK(a.canonical("насилиe") == "насилие");             // Latin e
    CHECK(a.canonical("CEMЬЯ") == "семья");                 // Latin C E M
    CHECK(a.canonical("hуқуқ") == "ҳуқуқ");                 // Latin h looks like һ → ҳ
    CHECK(a.canonical("Mаҷлиси") == "маҷлиси");
    CHECK(a.canonical("зӯроварī") == "зӯроварӣ");           // Latin ī
}

TEST_CASE("Cyrillic homoglyphs inside Latin words become Latin; English is untouched") {
    Analyzer a;
    CHECK(a.canonical("violenсe") == "violence");   // Cyrillic с
    CHECK(a.canonical("Оrder") == "order");         // Cyrillic О
    CHECK(a.canonical("protection") == "protection");
    CHECK(a.canonical("Xapian") == "xapian");
    // A letter without a look-alike means a real mixed token: left as it is.
    CHECK(a.canonical("iPhoneы") == "iphoneы");
    CHECK(himoya::to_utf8(himoya::fix_homoglyphs(himoya::to_utf16("qонун").text)) == "qонун");
}

TEST_CASE("analyze: same canonical term for зӯроварӣ and зўроварї, same folded term for зуровари") {
    auto report = himoya::to_json(himoya::analysis_report("зӯроварӣ зўроварї зуровари", "auto"));
    const auto& t = report["tokens"];
    REQUIRE(t.size() == 3);
    CHECK(t[0]["normalized"] == "зӯроварӣ");
    CHECK(t[1]["normalized"] == "зӯроварӣ");
    CHECK(t[0]["folded"] == t[2]["folded"]);
    CHECK(t[1]["folded"] == t[2]["folded"]);
    CHECK(t[0]["folded_term"] == "зуровари");
    // The CLI prints the same stages.
    auto r = himoya::testing::run({HIMOYA_BINARY, "analyze", "--json", "зӯроварӣ", "зўроварї", "зуровари"});
    REQUIRE(r.status == 0);
    auto cli = nlohmann::json::parse(r.out);
    CHECK(cli["tokens"][1]["term"] == "зӯроварӣ");
    CHECK(cli["tokens"][2]["folded"] == cli["tokens"][0]["folded"]);
}

TEST_CASE("analyze: Latin-script Tajik shows its Cyrillic reading") {
    auto report = himoya::to_json(himoya::analysis_report("qonuni jumhurii tojikiston", "auto"));
    CHECK(report["lang"] == "tg");
    CHECK(report["latin_tajik"] == true);
    CHECK(report["tokens"][0]["tajik"]["term"] == "қонуни");
    CHECK(report["tokens"][1]["tajik"]["stem"] == "ҷумҳурӣ");
}
