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

TEST_CASE("the matrix: a header, then one row per article with a count and best provision per jurisdiction") {
    json m = {{"scheme", "istanbul"},
              {"jurisdictions", {"TJ", "BA-SRP"}},
              {"rows",
               {{{"key", "52"},
                 {"label", "Emergency barring orders"},
                 {"cells", {{{"count", 0}, {"best", nullptr}},
                            {{"count", 3}, {"best", {{"id", "ba-srp-dv-law-2012-en/emergency-measures"}}}}}}}}}};
    CHECK(himoya::matrix_csv(m) ==
          "article,label,TJ provisions,TJ best provision,BA-SRP provisions,BA-SRP best provision\r\n"
          "52,Emergency barring orders,0,,3,ba-srp-dv-law-2012-en/emergency-measures\r\n");
    m["scheme"] = "thesaurus";
    CHECK(himoya::matrix_csv(m).rfind("concept,label,", 0) == 0);
}
