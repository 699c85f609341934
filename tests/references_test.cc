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
