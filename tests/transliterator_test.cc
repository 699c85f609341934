// Latin ↔ Cyrillic Tajik transliteration.
#include <doctest/doctest.h>

#include "analysis/transliterator.h"

using himoya::TajikTransliterator;

TEST_CASE("Latin Tajik becomes Cyrillic") {
    TajikTransliterator t;
    CHECK(t.to_cyrillic("qonuni jumhurii tojikiston dar borai peshgirii zurovari") ==
          "қонуни ҷумҳурии тоҷикистон дар бораи пешгирии зуровари");
    CHECK(t.to_cyrillic("Zūrovarī") == "зӯроварӣ");
    CHECK(t.to_cyrillic("shahrvand") == "шаҳрванд");
    CHECK(t.to_cyrillic("ghamkhorī") == "ғамхорӣ");
    CHECK(t.to_cyrillic("xona") == "хона");
    CHECK(t.to_cyrillic("yoftan") == "ёфтан");
    CHECK(t.to_cyrillic("ma'lumot") == "маълумот");
}

TEST_CASE("Cyrillic Tajik becomes Latin and back") {
    TajikTransliterator t;
    CHECK(t.to_latin("Зӯроварӣ дар оила") == "zūrovarī dar oila");
    CHECK(t.to_latin("ҷабрдида") == "jabrdida");
    for (const char* w : {"ҳимояи", "ғамхорӣ", "шаҳрвандон", "қонун", "ҷумҳурии", "зӯроварӣ"})
        CHECK(t.to_cyrillic(t.to_latin(w)) == w);
}
