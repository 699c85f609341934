// CSV exports: RFC 4180 quoting, formula-injection guard, the matrix layout.
#include <doctest/doctest.h>

#include "server/csv.h"

using himoya::csv_field;
using nlohmann::json;

TEST_CASE("fields are quoted only when they must be, quotes doubled") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"no\"") == "\"say \"\"no\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("") == "");
    CHECK(csv_field("Ордери ҳимоявӣ") == "Ордери ҳимоявӣ");
}

TEST_CASE("a cell that a spreadsheet would run as a formula is defused") {
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+1") == "'+1");
    CHECK(csv_field("-1") == "'-1");
    CHECK(csv_field("@cmd") == "'@cmd");
}

const himoya::ExportLabels kLabels{
    {"jurisdiction", {{"TJ", {{"en", "Tajikistan"}, {"ru", "Таджикистан"}, {"tg", "Тоҷикистон"}}},
                      {"BA-SRP", {{"en", "Republika Srpska"}, {"ru", "Республика Сербская"}, {"tg", "Ҷумҳурии Серб"}}}}},
    {"status", {{"repealed", {{"en", "Repealed"}, {"ru", "Утратил силу"}, {"tg", "Эътибори худро гум кардааст"}}}}},
    {"lang", {{"en", {{"en", "English"}, {"ru", "Английский"}, {"tg", "Англисӣ"}}}}},
    {"topic", {{"protection-order-duration", {{"en", "duration of the protection order"}, {"ru", "срок действия охранного ордера"}}}}},
    {"gap", {{"not-found", {{"en", "Not in the provisions held"}, {"ru", "Нет среди имеющихся положений"}}},
             {"not-held", {{"en", "Covered in parts not held"}, {"ru", "Регулируется в частях, которых нет в собрании"}}}}},
};

TEST_CASE("the matrix: a BOM, headers in the interface language, per jurisdiction texts about, mentioning, in all, the provision to cite (title, label, id) and what a gap rests on") {
    json m = {{"scheme", "istanbul"},
              {"jurisdictions", {"TJ", "BA-SRP"}},
              {"rows",
               {{{"key", "52"},
                 {"title", "Emergency barring orders"},
                 {"label", "emergency protection order"},
                 {"cells", {{{"about", 0}, {"mentions", 1}, {"texts", 60}, {"best", nullptr}, {"gap", true},
                             {"gap_kind", "not-held"}, {"not_held", {{{"title", "Law of 2013"}}}}},
                            {{"about", 3}, {"mentions", 0}, {"texts", 8},
                             {"best", {{"id", "ba-srp-dv-law-2012-en/emergency-measures"},
                                       {"title", "Law on Protection from Domestic Violence (2012)"},
                                       {"label", "Emergency measures"}}}}}}}}}};
    std::string en = himoya::matrix_csv(m, "en", kLabels);
    CHECK(en.rfind(himoya::kUtf8Bom, 0) == 0);
    CHECK(en.substr(3) ==
          "Istanbul Convention article,Title,Concepts,Tajikistan: texts about it,Tajikistan: texts that only mention it,"
          "Tajikistan: texts in all,Tajikistan: provision to cite,Tajikistan: gap,Republika Srpska: texts about it,"
          "Republika Srpska: texts that only mention it,Republika Srpska: texts in all,Republika Srpska: provision to cite,"
          "Republika Srpska: gap\r\n"
          "52,Emergency barring orders,emergency protection order,0,1,60,,Covered in parts not held: Law of 2013,"
          "3,0,8,\"Law on Protection from Domestic Violence (2012), Emergency measures [ba-srp-dv-law-2012-en/emergency-measures]\",\r\n");
    std::string tg = himoya::matrix_csv(m, "tg", kLabels);
    CHECK(tg.find("Моддаи Конвенсияи Истанбул,Унвон,") == 3);
    CHECK(tg.find("Тоҷикистон: ") != std::string::npos);
    m["scheme"] = "thesaurus";
    CHECK(himoya::matrix_csv(m, "ru", kLabels).find("Тема,Название,") == 3);
    // A provision no longer in force (include_repealed=1) says so where it is cited, in the UI language.
    m["rows"][0]["cells"][1]["best"]["legal_status"] = {{"state", "repealed"}, {"since", "2025"}};
    CHECK(himoya::matrix_csv(m, "en", kLabels).find("[ba-srp-dv-law-2012-en/emergency-measures] (Repealed (since 2025))") !=
          std::string::npos);
    CHECK(himoya::matrix_csv(m, "ru", kLabels).find("[ba-srp-dv-law-2012-en/emergency-measures] (Утратил силу (с 2025))") !=
          std::string::npos);
    m["rows"][0]["cells"][1]["best"]["legal_status"] = {{"state", "amended"}};  // in force: cited as it is
    CHECK(himoya::matrix_csv(m, "en", kLabels).find("emergency-measures]\",") != std::string::npos);
}

TEST_CASE("compare exports: full text, citation, statuses and an explicit gap row saying what it rests on; the brief in Markdown") {
    json card = {{"title", "Law on Protection from Domestic Violence"}, {"label", "Article 2"}, {"heading", "Aim"},
                 {"lang", "en"}, {"original_lang", "en"}, {"text_status", "summary"},
                 {"legal_status", {{"state", "repealed"}, {"since", "2025"}, {"relations", json::array()}}},
                 {"source", {{"official_title", "Zakon o zaštiti od nasilja u porodici"}, {"number", "No. 102/12"},
                             {"url", "https://example.org/law"}}},
                 {"url", "/document.html?id=x#art_2"}, {"text", "The whole text, with a comma."}};
    json c = {{"topic", {{"id", "emergency-protection-orders"}}}, {"ic", nullptr}, {"query", nullptr},
              {"columns", {{{"jurisdiction", "TJ"}, {"gap", true}, {"holdings", {{"works", 3}, {"in_part", 2}}},
                            {"provisions", json::array()}, {"practice", json::array()},
                            {"mentions_total", 2}, {"repealed_excluded", 0},
                            {"mentioned", {{{"title", "Amending Law"}, {"label", "Article 1"}, {"url", "/document.html?id=a#art_1"}}}}},
                           {{"jurisdiction", "BA-SRP"}, {"gap", false}, {"provisions", {card}}, {"practice", json::array()},
                            {"mentions_total", 0}, {"repealed_excluded", 1}}}}};
    std::string csv = himoya::compare_csv(c, "ru", kLabels);
    CHECK(csv.rfind(himoya::kUtf8Bom, 0) == 0);
    CHECK(csv.find("Юрисдикция,Вид,Документ,Статья,") == 3);
    // A gap without gap_kind (an older server) is not claimed to be the law's silence.
    CHECK(csv.find("Таджикистан,Пробел: нет положения по этой теме,,,,,,,,,,,Нет среди имеющихся положений\r\n") != std::string::npos);
    CHECK(csv.find("Утратил силу (с 2025)") != std::string::npos);
    CHECK(csv.find("\"The whole text, with a comma.\"") != std::string::npos);
    CHECK(csv.find("\"Zakon o zaštiti od nasilja u porodici, No. 102/12\"") != std::string::npos);
    std::string md = himoya::compare_markdown(c, "en", kLabels);
    CHECK(md.find("## Tajikistan\n\n**Gap: no provision about this topic** (Not in the provisions held)") != std::string::npos);
    CHECK(md.find("(Not in the provisions held)\n\n_Acts held only in selected provisions: 2 of 3._") != std::string::npos);
    CHECK(md.find("### Law on Protection from Domestic Violence — Article 2") != std::string::npos);
    CHECK(md.find("The whole text, with a comma.") != std::string::npos);
    CHECK(md.find("Official source: Zakon o zaštiti od nasilja u porodici, No. 102/12 <https://example.org/law>") != std::string::npos);
    CHECK(md.find("Texts that only mention it: 2.\n\n- Amending Law — Article 1\n") != std::string::npos);
    CHECK(md.find("Left out, no longer in force (repealed law, expired programmes): 1.") != std::string::npos);
    CHECK(md.find("Topics assigned automatically") == std::string::npos);  // editors indexed it
    c["columns"][1]["provisions"][0]["concepts_by"] = "automatic";
    CHECK(himoya::compare_markdown(c, "ru", kLabels).find(" · Темы определены автоматически\n") != std::string::npos);
}

TEST_CASE("compare exports: a column with texts says what its law sets in parts not held, and how many texts it shows") {
    json card = {{"title", "Law"}, {"label", "Article 5"}, {"lang", "en"}, {"text_status", "summary"}, {"text", "Orders."}};
    json column = {{"jurisdiction", "TJ"}, {"gap", false}, {"total", 3}, {"provisions", json::array({card})},
                   {"practice", json::array()}, {"mentions_total", 0}, {"repealed_excluded", 0},
                   {"not_held_concepts", json::array({"protection-order-duration"})},
                   {"not_held", json::array({{{"title", "Law on the Prevention of Violence in the Family"}}})}};
    json c = {{"topic", {{"id", "protection-orders"}}}, {"ic", nullptr}, {"query", nullptr}, {"columns", json::array({column})}};
    std::string md = himoya::compare_markdown(c, "en", kLabels);
    CHECK(md.find("_Also set in parts of the law this collection does not hold: duration of the protection order "
                  "(Law on the Prevention of Violence in the Family)._") != std::string::npos);
    CHECK(md.find("Provisions shown: 1 of 3.") != std::string::npos);
    std::string csv = himoya::compare_csv(c, "ru", kLabels);
    CHECK(csv.find("Таджикистан,\"Регулируется в частях, которых нет в собрании\",,,,,,,,,,,\"Также регулируется в частях "
                   "закона, которых нет в собрании: срок действия охранного ордера (Law on the Prevention of Violence in the "
                   "Family).\"\r\n") != std::string::npos);
    // Nor for a part a provision shown is about.
    c["columns"][0]["provisions"][0]["topics"] = json::array({"protection-order-duration"});
    CHECK(himoya::compare_markdown(c, "en", kLabels).find("Also set in parts") == std::string::npos);
    // Nothing said where nothing is set elsewhere.
    c["columns"][0].erase("not_held_concepts");
    CHECK(himoya::compare_markdown(c, "en", kLabels).find("Also set in parts") == std::string::npos);
}

TEST_CASE("compare exports by words: the spelling compared is said; words matching nothing anywhere make no gap rows") {
    json empty_column = {{"jurisdiction", "TJ"}, {"gap", true}, {"provisions", json::array()}, {"practice", json::array()},
                         {"mentions_total", 0}, {"repealed_excluded", 0}};
    json nothing = {{"topic", nullptr}, {"ic", nullptr}, {"query", "qqzz"}, {"corrected", nullptr},
                    {"matched_anywhere", false}, {"columns", {empty_column}}};
    std::string md = himoya::compare_markdown(nothing, "ru", kLabels);
    CHECK(md.find("Ни один текст коллекции не соответствует запросу «qqzz»") != std::string::npos);
    CHECK(md.find("Пробел") == std::string::npos);
    std::string csv = himoya::compare_csv(nothing, "en", kLabels);
    CHECK(csv.find("No text of the collection matches “qqzz”") != std::string::npos);
    CHECK(csv.find("Gap:") == std::string::npos);
    json corrected = nothing;
    corrected["corrected"] = "shelter";
    corrected["matched_anywhere"] = true;
    md = himoya::compare_markdown(corrected, "tg", kLabels);
    CHECK(md.find("«shelter» муқоиса мешавад") != std::string::npos);
    CHECK(md.find("Холигӣ") != std::string::npos);  // a column with nothing on the corrected words is a gap
}

TEST_CASE("Markdown: text of a request or of the corpus is one line that reads as itself") {
    using himoya::markdown_text;
    CHECK(markdown_text("Law on Protection, No. 102/12 (2012): art. 5.") == "Law on Protection, No. 102/12 (2012): art. 5.");
    CHECK(markdown_text("police\n\n## Tajikistan\r\n\n**No gap**") == "police \\#\\# Tajikistan \\*\\*No gap\\*\\*");
    CHECK(markdown_text("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
    CHECK(markdown_text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
    CHECK(markdown_text("a_b `c` ~~d~~ e|f &amp; g\\h") == "a\\_b \\`c\\` \\~\\~d\\~\\~ e\\|f \\&amp; g\\\\h");
    CHECK(markdown_text("  - item") == "\\- item");
    CHECK(markdown_text("+ item") == "\\+ item");
    CHECK(markdown_text("12. item") == "12\\. item");
    CHECK(markdown_text("1) item") == "1\\) item");
    CHECK(markdown_text("2013 law") == "2013 law");
    CHECK(markdown_text("> quote") == "\\> quote");
    CHECK(markdown_text(std::string("a\0b\tc\x7f", 6)) == "a b c");
    CHECK(markdown_text("Ордери ҳимоявӣ — «моддаи 5»") == "Ордери ҳимоявӣ — «моддаи 5»");
}

TEST_CASE("the Markdown brief echoes the query, titles, texts and sources as text: no section, link or HTML of theirs") {
    json card = {{"title", "Law\n## Fake"}, {"label", "<b>Article 2</b>"}, {"lang", "en"}, {"text_status", "summary"},
                 {"source", {{"official_title", "[click](javascript:alert(1))"}, {"number", "*1*"},
                             {"url", "javascript:alert(1)"}}},
                 {"text", "First paragraph.\n# Not a heading\n\n- not a list\n<img src=x onerror=alert(1)>"}};
    json c = {{"topic", nullptr}, {"ic", nullptr},
              {"query", "police\n\n## Tajikistan\n\n**No gap** <script>x</script> [x](javascript:alert(1))"},
              {"corrected", nullptr}, {"matched_anywhere", true},
              {"columns", {{{"jurisdiction", "TJ"}, {"gap", false}, {"provisions", {card}}, {"practice", json::array()},
                            {"mentions_total", 1}, {"repealed_excluded", 0},
                            {"mentioned", {{{"title", "1. Amending\nLaw"}, {"label", "_Art_ 1"}}}}}}}};
    const std::string md = himoya::compare_markdown(c, "en", kLabels);
    CHECK(md.rfind("# Comparison: “police \\#\\# Tajikistan \\*\\*No gap\\*\\* \\<script\\>x\\</script\\> "
                   "\\[x\\](javascript:alert(1))”\n\n", 0) == 0);
    // The only headings are the brief's own: its title, one per jurisdiction, one per provision.
    size_t headings = 0;
    for (size_t at = 0; (at = md.find('#', at)) != std::string::npos; ++at)
        if (at == 0 || md[at - 1] == '\n') ++headings;
    CHECK(headings == 3);
    CHECK(md.find("\n## Tajikistan\n") != std::string::npos);
    CHECK(md.find("### Law \\#\\# Fake — \\<b\\>Article 2\\</b\\>\n") != std::string::npos);
    CHECK(md.find("First paragraph.\n\n\\# Not a heading\n\n\\- not a list\n\n\\<img src=x onerror=alert(1)\\>\n") != std::string::npos);
    CHECK(md.find("Official source: \\[click\\](javascript:alert(1)), \\*1\\* javascript:alert(1)\n") != std::string::npos);
    CHECK(md.find("<javascript:") == std::string::npos);
    CHECK(md.find("- 1\\. Amending Law — \\_Art\\_ 1\n") != std::string::npos);
    CHECK(md.find("<script>") == std::string::npos);
    // An http(s) source is still a link.
    c["columns"][0]["provisions"][0]["source"]["url"] = "https://example.org/law?a=1&b=2";
    CHECK(himoya::compare_markdown(c, "en", kLabels).find(" <https://example.org/law?a=1&b=2>\n") != std::string::npos);
    // The note that quotes the words typed quotes them as text too.
    c["matched_anywhere"] = false;
    CHECK(himoya::compare_markdown(c, "en", kLabels).find("**No text of the collection matches “police \\#\\# Tajikistan") !=
          std::string::npos);
}

TEST_CASE("the fact table export: values in the interface language, English marked where there is none") {
    json f = {{"fields", {{{"key", "who-issues"}, {"labels", {{"en", "Who issues the order"}, {"tg", "Кӣ ордерро медиҳад"}}}}}},
              {"jurisdictions",
               {{{"code", "TJ"},
                 {"facts", {{"who-issues", {{"value", {{"en", "The police."}}},
                                            {"citations", {{{"id", "tj-dv-law-2013-en/protection-order"},
                                                            {"title", "Закон «О предупреждении насилия в семье»"},
                                                            {"label", "Ордери ҳимоявӣ"}}}}}}}}}}}};
    std::string tg = himoya::facts_csv(f, "tg", kLabels);
    CHECK(tg.rfind(himoya::kUtf8Bom, 0) == 0);
    CHECK(tg.substr(3) == "Қаламрав,Савол,Ҷавоб,Забони ҷавоб,Муқарраротҳои иқтибосшуда\r\n"
                          "Тоҷикистон,Кӣ ордерро медиҳад,The police.,Англисӣ,\"Закон «О предупреждении насилия в семье», Ордери ҳимоявӣ [tj-dv-law-2013-en/protection-order]\"\r\n");
}

TEST_CASE("the fact table export: a blank the law sets in a part not held is a line naming the act; other blanks stay out") {
    json f = {{"fields", {{{"key", "who-issues"}, {"labels", {{"en", "Who issues the order"}}}},
                          {{"key", "maximum-duration"}, {"labels", {{"en", "Maximum duration"}}}},
                          {{"key", "ex-parte"}, {"labels", {{"en", "Ex parte"}}}}}},
              {"jurisdictions",
               {{{"code", "TJ"},
                 {"facts", {{"who-issues", {{"value", {{"en", "The police."}}}, {"citations", json::array()}}}}},
                 {"not_held", {{"maximum-duration", {{{"title", "Law of 2013 (summary)"}, {"document_id", "tj-law"}}}}}}}}}};
    std::string en = himoya::facts_csv(f, "en", kLabels);
    CHECK(en.find("Tajikistan,Maximum duration,Covered in parts not held: Law of 2013 (summary),English,\r\n") != std::string::npos);
    CHECK(en.find("Ex parte") == std::string::npos);  // simply unknown: no line, as before
}
