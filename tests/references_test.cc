// References between provisions: found in tg/ru/en text (analysis/references.h)
// and resolved over a set of units (search/references.h).
#include <doctest/doctest.h>

#include "analysis/references.h"
#include "search/references.h"

using namespace himoya;

namespace {

std::string surface(std::string_view text, const TextReference& r) {
    return std::string(text.substr(r.begin, r.end - r.begin));
}

ReferenceUnit unit(const std::string& work, const std::string& lang, const std::string& unit_id, const std::string& type,
                   const std::string& title, const std::string& heading, const std::string& text,
                   const std::string& jurisdiction = "TJ") {
    ReferenceUnit u;
    u.work_id = work;
    u.document_id = work + "-" + lang;
    u.unit_id = unit_id;
    u.provision_id = u.document_id + "/" + unit_id;
    u.lang = lang;
    u.jurisdiction = jurisdiction;
    u.type = type;
    u.title = title;
    u.original = lang == "ru";
    u.heading = heading;
    u.text = text;
    return u;
}

}  // namespace

TEST_CASE("article references with their act, in Tajik, Russian and English") {
    std::string tg = "Барои вайрон кардани ордер тибқи моддаи 93²-и Кодекси ҳуқуқвайронкунии маъмурӣ ҷарима таъин мешавад.";
    auto r = find_references(tg, "tg");
    REQUIRE(r.size() == 1);
    CHECK(r[0].articles == std::vector<std::string>{"93-2"});
    CHECK(r[0].act == ActKind::admin_code);
    CHECK(surface(tg, r[0]) == "моддаи 93²-и Кодекси ҳуқуқвайронкунии маъмурӣ");

    std::string ru = "Ответственность предусмотрена статьёй 117 Уголовного кодекса и статья 93² КоАП.";
    r = find_references(ru, "ru");
    REQUIRE(r.size() == 2);
    CHECK(r[0].articles == std::vector<std::string>{"117"});
    CHECK(r[0].act == ActKind::criminal_code);
    CHECK(r[1].articles == std::vector<std::string>{"93-2"});
    CHECK(r[1].act == ActKind::admin_code);

    std::string en = "Parties shall apply Articles 8–12 and Article 52 of the Convention; see also Article 7 of this Law.";
    r = find_references(en, "en");
    REQUIRE(r.size() == 3);
    CHECK(r[0].articles == std::vector<std::string>{"8", "9", "10", "11", "12"});
    CHECK(r[0].act == ActKind::implied);
    CHECK(r[1].act == ActKind::convention);
    CHECK(r[2].act == ActKind::self);
    CHECK(surface(en, r[2]) == "Article 7 of this Law");
}

TEST_CASE("lists, sub-numbers and acts named without an article") {
    auto r = find_references("статьи 93¹ и 93², моддаҳои 174 ва 175, Articles 130-1 and 167");
    REQUIRE(r.size() == 3);
    CHECK(r[0].articles == std::vector<std::string>{"93-1", "93-2"});
    CHECK(r[1].articles == std::vector<std::string>{"174", "175"});
    CHECK(r[2].articles == std::vector<std::string>{"130-1", "167"});

    r = find_references("The Criminal Code does not define it; Кодекси оила ҳам не. The Istanbul Convention does.");
    REQUIRE(r.size() == 3);
    CHECK(r[0].act == ActKind::criminal_code);
    CHECK(r[0].articles.empty());
    CHECK(r[1].act == ActKind::family_code);
    CHECK(r[2].act == ActKind::istanbul_convention);

    std::string law = "It was amended by Law No. 196 of 28 July 2016 and by the 2013 Law.";
    r = find_references(law, "en");
    REQUIRE(r.size() == 2);
    CHECK(surface(law, r[0]) == "Law No. 196 of 28 July 2016");
    CHECK(r[0].act_number == "196");
    CHECK(surface(law, r[1]) == "2013 Law");
    CHECK(r[1].act_year == 2013);
}

TEST_CASE("acts named by their titles, numbers and proper names, in Tajik, Russian and English") {
    auto one = [](std::string_view text) {
        auto r = find_references(text);
        REQUIRE_MESSAGE(r.size() == 1, text);
        return std::make_pair(surface(text, r[0]), r[0]);
    };
    // A title in quotes past the state's name, or after on / о / дар бораи.
    auto [ru, ru_ref] = one("Согласно Закону Республики Таджикистан «О предупреждении насилия в семье» милиция выдаёт ордер.");
    CHECK(ru == "Закону Республики Таджикистан «О предупреждении насилия в семье»");
    CHECK(ru_ref.act_title == "о предупреждении насилия в семье");
    CHECK(ru_ref.act_noun == "law");
    auto [tg, tg_ref] = one("Низомнома дар бораи додани ордери ҳимоявӣ, ки соли 2020 тасдиқ шуд.");
    CHECK(tg == "Низомнома дар бораи додани ордери ҳимоявӣ");
    CHECK(tg_ref.act_noun == "regulation");
    auto [en, en_ref] = one("It amended the Law on marriage and family in 2024.");
    CHECK(en == "Law on marriage and family");
    // CEDAW by its full title; the title stops where another act begins.
    auto r = find_references("Конвенцию о ликвидации всех форм дискриминации в отношении женщин и Факультативный протокол 1999 года");
    REQUIRE(r.size() == 2);
    CHECK(r[0].act == ActKind::cedaw);
    CHECK(r[1].act == ActKind::other);
    // Numbered UN instruments.
    auto [res, res_ref] = one("The Assembly adopted it by resolution 34/180 in 1979.");
    CHECK(res == "resolution 34/180");
    CHECK(res_ref.act_number == "34/180");
    CHECK(res_ref.instrument == "resolution");
    auto [gr, gr_ref] = one("Тавсияҳои умумии № 19 ва 35 инро шарҳ медиҳанд.");
    CHECK(gr == "Тавсияҳои умумии № 19 ва 35");
    CHECK(gr_ref.more_numbers == std::vector<std::string>{"35"});
    CHECK(gr_ref.instrument == "recommendation");
    // Proper names beside an instrument; a capitalised run ending in "Act".
    CHECK(one("as the Rome Statute provides").first == "Rome Statute");
    CHECK(one("Оинномаи Рим ҳам инро муқаррар мекунад").first == "Оинномаи Рим");
    CHECK(one("part of the Violent Crime Control and Law Enforcement Act of 1994").first ==
          "Violent Crime Control and Law Enforcement Act of 1994");
    // CEDAW alone is the Convention; its Committee and its documents are not.
    CHECK(one("Tajikistan ratified CEDAW in 1993.").second.act == ActKind::cedaw);
    CHECK(find_references("Комитет CEDAW указал на пробел; CEDAW/C/TJK/CO/6").empty());
    // Not titles: a date after "resolution", generic rules, plural programmes, "on this subject".
    CHECK(find_references("Совет қатъномаро 31 октябри соли 2000 қабул кард.").empty());
    CHECK(find_references("правила о порядке работы и положений об амнистии").empty());
    CHECK(find_references("States fund programmes on domestic violence and guidelines on this subject.").empty());
}

TEST_CASE("a gazette item and ordinary words are not references") {
    CHECK(find_references("Ахбори Маҷлиси Олӣ, 2013, №3, ст. 197").empty());
    CHECK(find_references("Akhbori Majlisi Oli 2005, No. 3, art. 129").empty());
    CHECK(find_references("The article describes the code of conduct of 2013 volunteers.").empty());
}

TEST_CASE("the articles a unit covers come from its number, id, label and heading") {
    CHECK(articles_of_unit("", "arts_174_175", "", "") == std::vector<std::string>{"174", "175"});
    CHECK(articles_of_unit("", "art_93-1_elements", "", "") == std::vector<std::string>{"93-1"});
    CHECK(articles_of_unit("", "definitions", "", "Articles 8–12. Definitions") ==
          std::vector<std::string>{"8", "9", "10", "11", "12"});
    CHECK(articles_of_unit("7", "x", "", "Моддаи 7. Барномаҳо") == std::vector<std::string>{"7"});
    // A paragraph of an article: its number is a paragraph's, not an article's.
    CHECK(articles_of_unit("2-4", "art_13_2", "", "") == std::vector<std::string>{"13"});
    CHECK(paragraphs_of_unit("2-4", "art_13_2") == std::vector<std::string>{"2", "3", "4"});
    CHECK(paragraphs_of_unit("13", "art_13").empty());
    CHECK(paragraphs_of_unit("93-1", "art_93-1_elements").empty());
    CHECK(act_of_title("Criminal Code of the Republic of Tajikistan: provisions relevant to violence") ==
          ActKind::criminal_code);
    CHECK(act_of_title("Кодекси ҳуқуқвайронкунии маъмурии Ҷумҳурии Тоҷикистон") == ActKind::admin_code);
    CHECK(act_of_title("Law on the Prevention of Violence in the Family") == ActKind::implied);
    // A law amending a code is a law, not the code.
    CHECK(act_of_title("Law No. 1290 of 15 March 2016 amending the Family Code") == ActKind::implied);
    CHECK(act_of_title("Закон о внесении изменений в Семейный кодекс") == ActKind::implied);
}

TEST_CASE("references resolve to the provisions of the act they name, both ways, and never guess") {
    std::vector<ReferenceUnit> units{
        unit("tj-law", "ru", "art_7", "law", "Закон о предупреждении насилия в семье", "Статья 7",
             "Меры предусмотрены статьёй 93¹ КоАП, статьёй 117 Уголовного кодекса и статьёй 8 настоящего Закона."),
        unit("tj-law", "ru", "art_8", "law", "Закон о предупреждении насилия в семье", "Статья 8", "Охранный ордер."),
        unit("tj-law", "en", "art_7", "law", "Law on the Prevention of Violence in the Family", "Article 7",
             "Article 93-1 of the Code of Administrative Offences applies."),
        unit("tj-law", "en", "art_8", "law", "Law on the Prevention of Violence in the Family", "Article 8", "Orders."),
        unit("tj-admin", "ru", "art_93-1", "code", "Кодекс об административных правонарушениях Республики Таджикистан",
             "Статья 93¹", "Насилие в семье."),
        unit("tj-admin", "en", "art_93-1", "code", "Code of Administrative Offences of the Republic of Tajikistan",
             "Article 93-1", "Family violence."),
        // Georgia's law cites "the Criminal Code": Georgia's, which is not here.
        unit("ge-law", "en", "art_1", "law", "Law of Georgia on domestic violence", "Article 1",
             "Article 93-1 of the Code of Administrative Offences and the Criminal Code apply.", "GE"),
    };
    ReferenceGraph graph(units);
    const auto& ru = graph.refers_to("tj-law-ru/art_7");
    REQUIRE(ru.size() == 3);
    CHECK(ru[0].targets == std::vector<std::string>{"tj-admin-ru/art_93-1"});
    CHECK(ru[0].works == std::vector<std::string>{"tj-admin"});
    CHECK_FALSE(ru[1].resolved());  // Article 117 of the Criminal Code: no criminal code here
    CHECK(ru[2].targets == std::vector<std::string>{"tj-law-ru/art_8"});

    // The English version points at the English version of the target.
    const auto& en = graph.refers_to("tj-law-en/art_7");
    REQUIRE(en.size() == 1);
    CHECK(en[0].targets == std::vector<std::string>{"tj-admin-en/art_93-1"});

    // Referred to by: in the asking version's language.
    CHECK(graph.referred_by("tj-admin-en/art_93-1") == std::vector<std::string>{"tj-law-en/art_7"});
    CHECK(graph.referred_by("tj-law-ru/art_8") == std::vector<std::string>{"tj-law-ru/art_7"});

    // Another jurisdiction's code is not Tajikistan's.
    const auto& ge = graph.refers_to("ge-law-en/art_1");
    REQUIRE(ge.size() == 2);
    CHECK_FALSE(ge[0].resolved());
    CHECK_FALSE(ge[1].resolved());
    CHECK(graph.referred_by("tj-admin-ru/art_93-1").size() == 1);
}

TEST_CASE("acts named by title or number resolve only to a work of a fitting type, and a work naming itself is no reference") {
    std::vector<ReferenceUnit> units{
        unit("tj-law", "ru", "art_1", "law", "Закон Республики Таджикистан о предупреждении насилия в семье", "Статья 1",
             "Закон о предупреждении насилия в семье действует наряду с Законом «О государственных гарантиях равноправия мужчин и женщин»."),
        unit("tj-equality", "ru", "art_1", "law", "Закон о государственных гарантиях равноправия мужчин и женщин",
             "Статья 1", "Равенство."),
        unit("tj-report", "en", "policy", "report", "Report on shelters", "Policy",
             "A programme on equal rights and guarantees ran before; so did the law on state guarantees of equal rights of men and women."),
        unit("tj-equality", "en", "art_1", "law", "Law on state guarantees of equal rights of men and women", "Article 1",
             "Equality."),
        unit("int-gr35", "en", "para_1", "recommendation", "CEDAW General Recommendation No. 35", "Paragraph 1",
             "It builds on General Recommendation No. 19 and on Article 1 of the Convention."),
        unit("int-cedaw", "en", "art_1", "treaty", "Convention on the Elimination of All Forms of Discrimination against Women",
             "Article 1", "Definition.", "INT"),
        unit("int-1325", "en", "op_1", "resolution", "UN Security Council Resolution 1325 (2000)", "Paragraph 1",
             "Resolution 1325 urges States; see also resolution 1820 (2008).", "INT"),
    };
    units[4].jurisdiction = "INT";
    units[4].number = "CEDAW/C/GC/35";
    units[6].number = "S/RES/1325 (2000)";
    ReferenceGraph graph(units);
    // The law naming its own title is no reference; the other law's title resolves.
    const auto& ru = graph.refers_to("tj-law-ru/art_1");
    REQUIRE(ru.size() == 1);
    CHECK(ru[0].works == std::vector<std::string>{"tj-equality"});
    // A programme's title does not resolve to a law with the same words.
    const auto& report = graph.refers_to("tj-report-en/policy");
    REQUIRE(report.size() == 2);
    CHECK_FALSE(report[0].resolved());
    CHECK(report[1].works == std::vector<std::string>{"tj-equality"});
    // "the Convention" in a general recommendation is the convention its title names.
    const auto& gr = graph.refers_to("int-gr35-en/para_1");
    REQUIRE(gr.size() == 2);
    CHECK_FALSE(gr[0].resolved());  // No. 19 is not here
    CHECK(gr[1].targets == std::vector<std::string>{"int-cedaw-en/art_1"});
    // A paragraph of an article points at that paragraph's unit when the article is kept by paragraphs.
    std::vector<ReferenceUnit> family{
        unit("tj-family", "tg", "art_13_1", "code", "Кодекси оилаи Ҷумҳурии Тоҷикистон", "", "Синни никоҳ."),
        unit("tj-family", "tg", "art_13_2", "code", "Кодекси оилаи Ҷумҳурии Тоҷикистон", "", "Истисноҳо."),
        unit("tj-amend", "tg", "art_13_4", "law", "Қонун дар бораи тағйирот ба Кодекси оила", "",
             "Қисми 2-и моддаи 13 ва моддаи 13-и Кодекси оила тағйир ёфтанд."),
    };
    family[0].num = "1";
    family[1].num = "2-4";
    ReferenceGraph fam(family);
    const auto& amend = fam.refers_to("tj-amend-tg/art_13_4");
    REQUIRE(amend.size() == 2);
    CHECK(amend[0].targets == std::vector<std::string>{"tj-family-tg/art_13_2"});  // bare article: the amended code
    CHECK(amend[1].targets == std::vector<std::string>{"tj-family-tg/art_13_1", "tj-family-tg/art_13_2"});
    // A resolution naming itself by its number is no reference; another one, not here, is unresolved.
    const auto& res = graph.refers_to("int-1325-en/op_1");
    REQUIRE(res.size() == 1);
    CHECK_FALSE(res[0].resolved());
}

TEST_CASE("a law named with another place and a year resolves to that place's law of that year") {
    // Detection, in each language: the place's words are part of the reference.
    auto [en, en_ref] = [] {
        std::string text = "It follows the Republika Srpska law of 2012 closely.";
        auto r = find_references(text);
        REQUIRE(r.size() == 1);
        return std::make_pair(surface(text, r[0]), r[0]);
    }();
    CHECK(en == "Republika Srpska law of 2012");
    CHECK(en_ref.act_place == "Republika Srpska");
    CHECK(en_ref.act_year == 2012);
    std::string ru = "как и закон Республики Сербской 2012 года";
    auto r = find_references(ru);
    REQUIRE(r.size() == 1);
    CHECK(surface(ru, r[0]) == "закон Республики Сербской 2012 года");
    CHECK(r[0].act_place == "Республики Сербской");
    std::string tg = "мисли қонуни ФБиҲ аз соли 2013";
    r = find_references(tg);
    REQUIRE(r.size() == 1);
    CHECK(r[0].act_place == "ФБиҲ");
    CHECK(r[0].act_year == 2013);
    // A date is not a year of a law: "law of 4 May 2017" stays a dated law.
    r = find_references("the law of 4 May 2017");
    REQUIRE(r.size() == 1);
    CHECK(r[0].act_place.empty());

    // Resolution: through the place names, only the one law of that place and year.
    const std::string places_xml =
        "<jurisdictions xmlns=\"urn:himoya:jurisdictions:1\">"
        "<jurisdiction codes=\"BA-SRP\"><name lang=\"en\">Republika Srpska</name>"
        "<name lang=\"ru\">Республика Сербская</name><name lang=\"tg\">Ҷумҳурии Серб</name></jurisdiction>"
        "<jurisdiction codes=\"BA-BIH\"><name lang=\"en\">FBiH</name><name lang=\"tg\">ФБиҲ</name></jurisdiction>"
        "</jurisdictions>";
    Analyzer analyzer;
    PlaceRecognizer places(places_xml, analyzer);
    REQUIRE_FALSE(places.empty());
    std::vector<ReferenceUnit> units{
        unit("srp-law", "en", "art_1", "law", "Law on Protection from Domestic Violence", "Article 1", "Scope.", "BA-SRP"),
        unit("bih-law", "en", "art_1", "law", "Law on Protection from Domestic Violence", "Article 1", "Scope.", "BA-BIH"),
        unit("report", "en", "relevance", "report", "Study visit", "Relevance",
             "The Republika Srpska law of 2012 and the FBiH law of 2010 were compared.", "BA-BRC"),
    };
    units[0].date = "2012-06-01";
    units[1].date = "2013-02-01";
    ReferenceGraph graph(units, &places, &analyzer);
    const auto& refs = graph.refers_to("report-en/relevance");
    REQUIRE(refs.size() == 2);
    CHECK(refs[0].works == std::vector<std::string>{"srp-law"});
    CHECK_FALSE(refs[1].resolved());  // FBiH has no law of 2010 here
    // Without place names nothing is guessed.
    ReferenceGraph blind(units);
    CHECK_FALSE(blind.refers_to("report-en/relevance")[0].resolved());
}


TEST_CASE("an article of an act named by its title is read with the title, in English, Russian and Tajik") {
    std::string en = "The Government relied on Article 7 of the Law on the Prevention of Violence in the Family and on "
                     "Article 7 of the law on state forecasts, concepts and strategies.";
    auto r = find_references(en, "en");
    REQUIRE(r.size() == 2);
    CHECK(surface(en, r[0]) == "Article 7 of the Law on the Prevention of Violence in the Family");
    CHECK(r[0].articles == std::vector<std::string>{"7"});
    CHECK(r[0].act == ActKind::other);
    CHECK(r[0].act_title == "the prevention of violence in the family");
    CHECK(r[0].act_noun == "law");
    CHECK_FALSE(r[0].bare_law);
    CHECK(surface(en, r[1]) == "Article 7 of the law on state forecasts");

    std::string ru = "Постановление принято на основании статьи 7 Закона Республики Таджикистан «О предупреждении "
                     "насилия в семье» и статьи 7 закона о государственных прогнозах.";
    r = find_references(ru, "ru");
    REQUIRE(r.size() == 2);
    CHECK(surface(ru, r[0]) == "статьи 7 Закона Республики Таджикистан «О предупреждении насилия в семье»");
    CHECK(r[0].act_title == "о предупреждении насилия в семье");
    CHECK(r[0].act_noun == "law");

    std::string tg = "Қарор дар асоси моддаи 7-и Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила» "
                     "қабул шудааст.";
    r = find_references(tg, "tg");
    REQUIRE(r.size() == 1);
    CHECK(surface(tg, r[0]) == "моддаи 7-и Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила»");
    CHECK(r[0].act_title == "дар бораи пешгирии зӯроварӣ дар оила");
}

TEST_CASE("an article of a law named by its title or alias resolves into that law, not into a programme echoing it") {
    // The law's English title does not hold the words: its alias does.
    auto law = [](const std::string& lang, const std::string& title) {
        ReferenceUnit u = unit("dv-law", lang, "art_7", "law", title, "", "The Government adopts the state programme.");
        u.num = "7";
        u.aliases = {"Law on the Prevention of Violence in the Family", "Закон о предупреждении насилия в семье",
                     "Қонун дар бораи пешгирии зӯроварӣ дар оила"};
        return u;
    };
    const std::string programme_title = "State Programme for the Prevention of Violence in the Family for 2014-2023";
    std::vector<ReferenceUnit> units{
        law("en", "Law No. 954 of 19 March 2013"),
        law("ru", "Закон Республики Таджикистан «О предупреждении насилия в семье»"),
        law("tg", "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила»"),
        unit("programme", "en", "basis", "programme", programme_title, "Legal basis",
             "The decree relies on Article 7 of the Law on the Prevention of Violence in the Family."),
        unit("programme", "ru", "basis", "programme", "Государственная программа по предупреждению насилия в семье",
             "Правовая основа",
             "Постановление принято на основании статьи 7 Закона Республики Таджикистан «О предупреждении насилия в семье»."),
        unit("programme", "tg", "basis", "programme", "Барномаи давлатии пешгирии зӯроварӣ дар оила", "Асоси ҳуқуқӣ",
             "Қарор дар асоси моддаи 7-и Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила» қабул шудааст."),
    };
    ReferenceGraph graph(units);
    for (const std::string lang : {"en", "ru", "tg"}) {
        INFO(lang);
        const auto& refs = graph.refers_to("programme-" + lang + "/basis");
        REQUIRE(refs.size() == 1);
        CHECK(refs[0].works == std::vector<std::string>{"dv-law"});
        CHECK(refs[0].targets == std::vector<std::string>{"dv-law-" + lang + "/art_7"});
        CHECK(refs[0].resolved());
    }
    CHECK(graph.referred_by("dv-law-ru/art_7").size() == 1);
}

TEST_CASE("\"the same Code\" is the code named before it, never the citing law") {
    std::string en = "The police apply Article 461 of the Code of Administrative Offences; domestic offences are dealt "
                     "with under Article 73 of the same Code.";
    auto r = find_references(en, "en");
    REQUIRE(r.size() == 2);
    CHECK(r[0].act == ActKind::admin_code);
    CHECK(surface(en, r[1]) == "Article 73 of the same Code");
    CHECK(r[1].same_act);
    CHECK(r[1].antecedent == 0);
    CHECK(r[1].act == ActKind::admin_code);

    std::string ru = "Полиция применяет статью 461 Кодекса об административных правонарушениях; сами бытовые "
                     "правонарушения квалифицируются по статье 73 того же Кодекса.";
    r = find_references(ru, "ru");
    REQUIRE(r.size() == 2);
    CHECK(surface(ru, r[1]) == "статье 73 того же Кодекса");
    CHECK(r[1].act == ActKind::admin_code);

    // "ҳамин Кодекс" is "this Code" or "that same Code": the resolver decides by the citing act.
    std::string tg = "Милиса моддаи 461 Кодекси ҳуқуқвайронкуниҳои маъмуриро татбиқ мекунад; ҳуқуқвайронкуниҳо тибқи "
                     "моддаи 73 ҳамин Кодекс баррасӣ мешаванд.";
    r = find_references(tg, "tg");
    REQUIRE(r.size() == 2);
    CHECK(surface(tg, r[1]) == "моддаи 73 ҳамин Кодекс");
    CHECK(r[1].act == ActKind::self);
    CHECK(r[1].act_noun == "code");
    CHECK(r[1].antecedent == 0);

    // Nothing named before: an act not known, not the citing one.
    r = find_references("Offences fall under Article 73 of the same Code.");
    REQUIRE(r.size() == 1);
    CHECK(r[0].act == ActKind::other);

    // The citing law has an Article 73 of its own: the reference is still not to it.
    auto law_unit = [](const std::string& lang, const std::string& id, const std::string& text) {
        ReferenceUnit u = unit("kz-law", lang, id, "law", "Law on the prevention of domestic violence", "", text, "KZ");
        if (id == "art_73") u.num = "73";
        return u;
    };
    std::vector<ReferenceUnit> units{law_unit("en", "art_73", "Final provisions."), law_unit("en", "breach", en),
                                     law_unit("ru", "art_73", "Заключительные положения."), law_unit("ru", "breach", ru),
                                     law_unit("tg", "art_73", "Муқаррароти хотимавӣ."), law_unit("tg", "breach", tg)};
    {
        ReferenceGraph graph(units);
        for (const std::string lang : {"en", "ru", "tg"}) {
            INFO(lang);
            const auto& refs = graph.refers_to("kz-law-" + lang + "/breach");
            REQUIRE(refs.size() == 2);
            CHECK(refs[1].act == ActKind::admin_code);
            CHECK(refs[1].works.empty());
            CHECK_FALSE(refs[1].resolved());
        }
    }
    // With the Code held, it resolves into the Code.
    ReferenceUnit code = unit("kz-admin-code", "en", "art_73", "code", "Code of the Republic of Kazakhstan on Administrative Offences",
                              "Article 73. Petty hooliganism in the family", "Text.", "KZ");
    code.num = "73";
    units.push_back(code);
    ReferenceGraph graph(units);
    for (const std::string lang : {"en", "ru", "tg"}) {
        INFO(lang);
        const auto& refs = graph.refers_to("kz-law-" + lang + "/breach");
        REQUIRE(refs.size() == 2);
        CHECK(refs[1].targets == std::vector<std::string>{"kz-admin-code-en/art_73"});
    }
}

TEST_CASE("an article with its own title before its code, and a code supplemented with an article") {
    std::string en = "It added Article 126-1 \"Family (domestic) violence\" to the Criminal Code, covering violence in "
                     "the family.";
    auto r = find_references(en, "en");
    REQUIRE(r.size() == 1);
    CHECK(surface(en, r[0]) == "Article 126-1 \"Family (domestic) violence\" to the Criminal Code");
    CHECK(r[0].articles == std::vector<std::string>{"126-1"});
    CHECK(r[0].act == ActKind::criminal_code);

    std::string ru = "Он дополнил Уголовный кодекс статьёй 126-1 «Семейное (бытовое) насилие», которая охватывает "
                     "насилие в семье.";
    r = find_references(ru, "ru");
    REQUIRE(r.size() == 1);
    CHECK(surface(ru, r[0]) == "Уголовный кодекс статьёй 126-1");
    CHECK(r[0].articles == std::vector<std::string>{"126-1"});
    CHECK(r[0].act == ActKind::criminal_code);

    std::string tg = "Он Кодекси ҷиноятиро бо моддаи 126-1 «Зӯроварии оилавӣ (маишӣ)» пурра кард.";
    r = find_references(tg, "tg");
    REQUIRE(r.size() == 1);
    CHECK(surface(tg, r[0]) == "Кодекси ҷиноятиро бо моддаи 126-1");
    CHECK(r[0].act == ActKind::criminal_code);

    // Resolved over the citing law's jurisdiction: its Criminal Code is not held, and the law is not it.
    std::vector<ReferenceUnit> units{unit("uz-law", "en", "change", "law", "Law on protecting women", "", en, "UZ"),
                                     unit("uz-law", "ru", "change", "law", "Закон о защите женщин", "", ru, "UZ"),
                                     unit("uz-law", "tg", "change", "law", "Қонун дар бораи ҳимояи занон", "", tg, "UZ")};
    ReferenceGraph graph(units);
    for (const std::string lang : {"en", "ru", "tg"}) {
        INFO(lang);
        const auto& refs = graph.refers_to("uz-law-" + lang + "/change");
        REQUIRE(refs.size() == 1);
        CHECK(refs[0].act == ActKind::criminal_code);
        CHECK(refs[0].works.empty());
    }
}

TEST_CASE("a section the citing act does not hold resolves to the work that is that section") {
    auto chapter = [](const std::string& lang, const std::string& title, const std::string& text) {
        ReferenceUnit u = unit("fl-741", lang, "s741_31", "code", title, "§ 741.31", text, "US-FL");
        u.num = "741.31";
        return u;
    };
    auto section = [](const std::string& lang, const std::string& title) {
        ReferenceUnit u = unit("fl-741-30", lang, "s1a", "code", title, "(1)(a)", "A victim may petition.", "US-FL");
        u.num = "1(a)";
        return u;
    };
    std::vector<ReferenceUnit> units{
        chapter("en", "Florida Statutes, Chapter 741", "Violating an injunction issued under § 741.30 is a misdemeanour; so is § 741.99."),
        chapter("ru", "Статуты Флориды, глава 741", "Нарушение судебного запрета, выданного по § 741.30, является проступком."),
        chapter("tg", "Оинномаҳои Флорида, боби 741", "Вайрон кардани манъи судӣ, ки тибқи § 741.30 дода шудааст, ҷиноят аст."),
        section("en", "Florida Statutes § 741.30: injunction for protection against domestic violence"),
        section("ru", "Статуты Флориды § 741.30: судебный запрет для защиты от домашнего насилия"),
        section("tg", "Оинномаҳои Флорида § 741.30: манъи судӣ барои ҳимоя аз зӯроварии хонаводагӣ"),
    };
    ReferenceGraph graph(units);
    for (const std::string lang : {"en", "ru", "tg"}) {
        INFO(lang);
        const auto& refs = graph.refers_to("fl-741-" + lang + "/s741_31");
        REQUIRE(refs.size() >= 1);
        CHECK(refs[0].articles == std::vector<std::string>{"741.30"});
        CHECK(refs[0].works == std::vector<std::string>{"fl-741-30"});
        CHECK(refs[0].whole_work);
        CHECK(refs[0].targets.empty());
        CHECK(refs[0].resolved());
    }
    // A section no work is stays unresolved.
    const auto& en = graph.refers_to("fl-741-en/s741_31");
    REQUIRE(en.size() == 2);
    CHECK_FALSE(en[1].resolved());
}

TEST_CASE("a Tajik law named by its year with the place after it, joined by the izofat, is read with that place") {
    // "қонуни соли 2012-и Ҷумҳурии Серб": Tajik puts the year first; en and ru give the place first.
    std::string tg = "Ҳамин намуна дар қонуни соли 2012-и Ҷумҳурии Серб низ истифода шуда буд.";
    auto r = find_references(tg, "tg");
    REQUIRE(r.size() == 1);
    CHECK(surface(tg, r[0]) == "қонуни соли 2012-и Ҷумҳурии Серб");
    CHECK(r[0].act_place == "Ҷумҳурии Серб");
    CHECK(r[0].act_year == 2012);
    // Without a place after it, the year alone stays as it was.
    std::string plain = "қонуни соли 2013 қабул шуд";
    r = find_references(plain, "tg");
    REQUIRE(r.size() == 1);
    CHECK(surface(plain, r[0]) == "қонуни соли 2013");
    CHECK(r[0].act_place.empty());

    const std::string places_xml =
        "<jurisdictions xmlns=\"urn:himoya:jurisdictions:1\">"
        "<jurisdiction codes=\"BA-SRP\"><name lang=\"en\">Republika Srpska</name>"
        "<name lang=\"ru\">Республика Сербская</name><name lang=\"tg\">Ҷумҳурии Серб</name></jurisdiction>"
        "</jurisdictions>";
    Analyzer analyzer;
    PlaceRecognizer places(places_xml, analyzer);
    std::vector<ReferenceUnit> units{
        unit("srp-law", "tg", "art_1", "law", "Қонун дар бораи ҳифз аз зӯроварӣ дар оила", "Моддаи 1", "Доира.", "BA-SRP"),
        unit("brc-law", "tg", "approach", "law", "Қонун дар бораи ҳифз аз зӯроварӣ дар оила дар Округи Брчко", "Равиш", tg,
             "BA-BRC"),
        unit("brc-law", "en", "approach", "law", "Law on Protection from Domestic Violence in the Brčko District", "Approach",
             "The same model was used by the Republika Srpska law of 2012.", "BA-BRC"),
        unit("brc-law", "ru", "approach", "law", "Закон о защите от насилия в семье в округе Брчко", "Подход",
             "Ту же модель использовал закон Республики Сербской 2012 года.", "BA-BRC"),
    };
    units[0].date = "2012-06-01";
    units[1].date = units[2].date = units[3].date = "2018-01-01";
    ReferenceGraph graph(units, &places, &analyzer);
    for (std::string id : {"brc-law-tg/approach", "brc-law-en/approach", "brc-law-ru/approach"}) {
        CAPTURE(id);
        const auto& refs = graph.refers_to(id);
        REQUIRE(refs.size() == 1);
        CHECK(refs[0].works == std::vector<std::string>{"srp-law"});
    }
}

TEST_CASE("a law named with its state before its number is read by that number, in English, Russian and Tajik") {
    // "Law of the Republic of Tajikistan No. 613 of 21 July 2010": the number comes after "of the Republic of …".
    std::string en = "This rule was introduced by Law of the Republic of Tajikistan No. 613 of 21 July 2010; before that girls could marry at seventeen.";
    auto r = find_references(en, "en");
    REQUIRE(r.size() == 1);
    CHECK(surface(en, r[0]) == "Law of the Republic of Tajikistan No. 613 of 21 July 2010");
    CHECK(r[0].act_number == "613");
    CHECK(r[0].act_date == "2010-07-21");
    std::string ru = "Эта норма введена Законом Республики Таджикистан от 21 июля 2010 года №613; до этого девушки могли вступать в брак с семнадцати лет.";
    r = find_references(ru, "ru");
    REQUIRE(r.size() == 1);
    CHECK(r[0].act_date == "2010-07-21");
    std::string tg = "Ин меъёр бо Қонуни Ҷумҳурии Тоҷикистон аз 21 июли соли 2010, №613 ҷорӣ шуд.";
    r = find_references(tg, "tg");
    REQUIRE(r.size() == 1);
    CHECK(r[0].act_date == "2010-07-21");

    std::vector<ReferenceUnit> units{
        unit("tj-amend", "en", "art_1", "law", "Law No. 613 amending the Family Code", "Article 1", "Eighteen."),
        unit("tj-family", "en", "art_13_1", "code", "Family Code of the Republic of Tajikistan", "", en),
        unit("tj-family", "ru", "art_13_1", "code", "Семейный кодекс Республики Таджикистан", "", ru),
        unit("tj-family", "tg", "art_13_1", "code", "Кодекси оилаи Ҷумҳурии Тоҷикистон", "", tg),
    };
    units[0].date = "2010-07-21";
    units[0].number = "No. 613 of 21 July 2010";
    for (size_t n = 1; n < units.size(); ++n) units[n].date = "1998-11-13";
    ReferenceGraph graph(units);
    for (std::string id : {"tj-family-en/art_13_1", "tj-family-ru/art_13_1", "tj-family-tg/art_13_1"}) {
        CAPTURE(id);
        const auto& refs = graph.refers_to(id);
        REQUIRE(refs.size() == 1);
        CHECK(refs[0].works == std::vector<std::string>{"tj-amend"});
    }
}

TEST_CASE("a law named by its title and year is the law of that year, not the citing law of the same title") {
    std::string ru = "с этого дня утратил силу Закон о защите от насилия в семье 2013 года.";
    auto r = find_references(ru, "ru");
    REQUIRE(r.size() == 1);
    CHECK(surface(ru, r[0]) == "Закон о защите от насилия в семье 2013 года");
    CHECK(r[0].act_title == "защите от насилия в семье");
    CHECK(r[0].act_year == 2013);
    std::vector<ReferenceUnit> units{
        unit("bih-2013", "ru", "art_1", "law", "Закон Федерации Боснии и Герцеговины о защите от насилия в семье", "Статья 1",
             "Предмет.", "BA-BIH"),
        unit("bih-2025", "ru", "adoption", "law",
             "Закон о защите от насилия в семье и насилия в отношении женщин в Федерации Боснии и Герцеговины", "Принятие", ru,
             "BA-BIH"),
        unit("bih-2025", "ru", "art_2", "law",
             "Закон о защите от насилия в семье и насилия в отношении женщин в Федерации Боснии и Герцеговины", "Статья 2",
             "Настоящий Закон о защите от насилия в семье применяется ко всем.", "BA-BIH"),
    };
    units[0].date = "2013";
    units[1].date = units[2].date = "2025-03-12";
    ReferenceGraph graph(units);
    const auto& refs = graph.refers_to("bih-2025-ru/adoption");
    REQUIRE(refs.size() == 1);
    CHECK(refs[0].works == std::vector<std::string>{"bih-2013"});
    // The title without a year in the citing law is still the law itself, no reference.
    CHECK(graph.refers_to("bih-2025-ru/art_2").empty());
}

TEST_CASE("the date a law was adopted or applies from is no reference to another act, in Russian and Tajik") {
    // "приняла закон 4 февраля 2025 года": no "от" — the date is the adoption's, the law is the citing one.
    std::string ru = "Палата представителей приняла закон 4 февраля 2025 года, Палата народов — 4 марта 2025 года.";
    CHECK(find_references(ru, "ru").empty());
    // Tajik without the izofat ("Қонунро 4 феврали …", "Қонун аз 22 марти …"): the date belongs to the verb.
    std::string tg = "Палата Қонунро 4 феврали соли 2025 қабул карданд. Қонун аз 22 марти соли 2025 татбиқ мешавад.";
    CHECK(find_references(tg, "tg").empty());
    // A law cited by its date keeps "от", "of" or the izofat.
    for (std::string text : {"введена Законом от 21 июля 2010 года", "introduced by the law of 21 July 2010",
                             "бо қонуни 21 июли соли 2010 ҷорӣ шуд", "бо Қонуни Ҷумҳурии Тоҷикистон аз 21 июли соли 2010"}) {
        CAPTURE(text);
        auto r = find_references(text);
        REQUIRE(r.size() == 1);
        CHECK(r[0].act_date == "2010-07-21");
    }
    // Without the izofat, a date followed by the act's number still cites it; so do plural nouns with the izofat.
    std::string numbered = "бо Қонун аз 15 марти соли 2016, № 1290 тағйир ёфт";
    auto r = find_references(numbered, "tg");
    REQUIRE(r.size() == 1);
    CHECK(r[0].act_date == "2016-03-15");
    std::string plural = "бо қонунҳои 4 июн ва 9 июли соли 2010 тағйир ёфт";
    r = find_references(plural, "tg");
    REQUIRE(r.size() == 1);
    CHECK(surface(plural, r[0]) == "қонунҳои 4 июн ва 9 июли соли 2010");
}
