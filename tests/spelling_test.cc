// Spelling across the three languages: "did you mean" from the index's own
// words in Tajik, Russian and English; keyboard-substitute and Latin-script
// Tajik queries reach correctly spelled Tajik text.
#include <doctest/doctest.h>

#include "search/index_view.h"
#include "search/search_service.h"
#include "test_index.h"

using namespace himoya;

namespace {

SearchRequest query(const std::string& q) {
    SearchRequest r;
    r.query = q;
    r.scope = Scope::provision;
    r.correct = false;  // these cases are about the suggestion offered, not the corrected search
    return r;
}

bool finds(IndexView& s, const std::string& q, const std::string& id) {
    for (const auto& h : run_search(s, query(q)).hits) if (h.id == id) return true;
    return false;
}

}  // namespace

TEST_CASE("did you mean: Tajik and Russian typos get the corpus spelling") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto tg = run_search(s, query("ҷабрдидда"));
    REQUIRE(tg.suggestion);
    CHECK(*tg.suggestion == "ҷабрдида");
    auto ru = run_search(s, query("пострадавшму"));
    REQUIRE(ru.suggestion);
    CHECK(*ru.suggestion == "пострадавшему");
    CHECK_FALSE(run_search(s, query("ҷабрдида")).suggestion);
    // By default a word that matches nothing is searched in that spelling.
    SearchRequest corrected = query("ҷабрдидда");
    corrected.correct = true;
    auto fixed = run_search(s, corrected);
    CHECK(fixed.interpretation.corrected == "ҷабрдида");
    CHECK(fixed.total == run_search(s, query("ҷабрдида")).total);
    CHECK(fixed.total > 0);
}

TEST_CASE("did you mean: a substitute spelling suggests the Tajik letters") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto r = run_search(s, query("зуровари"));
    REQUIRE(r.suggestion);
    CHECK(*r.suggestion == "зӯроварӣ");
}

TEST_CASE("did you mean: the closest corpus word is replaced by its commonest spelling") {
    // Three provisions write зӯроварӣ, one the rarer зӯровари: "зуравари" (one
    // letter off) is closest to зӯровари by edit distance, but the suggestion
    // is the spelling the texts use most.
    auto docs = testing::sample_documents();
    docs.push_back(testing::make_document("tj-extra-tg", "TJ", "tg", "report", "2020-01-01", "Ҳисобот",
                                          {{"1", "Ҳуқуқи зӯровари оила."}, {"2", "Зӯроварӣ манъ аст."},
                                           {"3", "Пешгирии зӯроварӣ."}}));
    testing::TestIndex index(docs);
    IndexView s({index.path()});
    auto r = run_search(s, query("зуравари"));
    REQUIRE(r.suggestion);
    CHECK(*r.suggestion == "зӯроварӣ");
}

TEST_CASE("did you mean: a Latin Tajik word known in Cyrillic is not respelled as English") {
    testing::TestIndex index;
    IndexView s({index.path()});
    // "orderi" is one edit from the English "order", but reads as ордери, a corpus word.
    auto r = run_search(s, query("orderi himoyavi"));
    CHECK_FALSE(r.hits.empty());
    CHECK_FALSE(r.suggestion);
}

TEST_CASE("substitute, old-font and Latin spellings find the Tajik text") {
    testing::TestIndex index;
    IndexView s({index.path()});
    CHECK(finds(s, "ордери ҳимоявӣ", "tj-law-tg/art_2"));
    CHECK(finds(s, "ордери химояви", "tj-law-tg/art_2"));
    CHECK(finds(s, "ордери њимоявї", "tj-law-tg/art_2"));
    CHECK(finds(s, "orderi himoyavī", "tj-law-tg/art_2"));
    CHECK(finds(s, "orderi himoyavi", "tj-law-tg/art_2"));
    CHECK(finds(s, "qonun dar borai peshgirii zurovari dar oila", "tj-law-tg/art_1"));
    // The exact spelling ranks first among Tajik forms sharing a folded key.
    auto r = run_search(s, query("зӯроварӣ"));
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].lang == "tg");
    // English Latin queries stay English.
    CHECK(finds(s, "restraining order", "ba-law-en/art_3"));
}

TEST_CASE("did you mean: a short word is not respelled two edits away, nor a substitute spelling into another word") {
    // "ҳукм" is in no text of the index: two edits would make it "ук" or any
    // other short word, so a word of up to five letters gets one edit at most.
    auto docs = testing::sample_documents();
    docs.push_back(testing::make_document("tj-short-tg", "TJ", "tg", "report", "2020-01-01", "Ҳисобот",
                                          {{"1", "Қарори 4213-уми суд дар бораи ук."}, {"2", "Ордери ҳимоявии суд."}}));
    testing::TestIndex index(docs);
    IndexView s({index.path()});
    for (const std::string q : {"ҳукм", "ҳукми"}) {
        CAPTURE(q);
        CHECK_FALSE(run_search(s, query(q)).suggestion);
    }
    // One letter off is still suggested in a short word.
    auto near = run_search(s, query("ордар"));
    REQUIRE(near.suggestion);
    CHECK(*near.suggestion == "ордер");
    // A keyboard-substitute spelling is suggested in its Tajik letters, not as
    // the nearest other word ("ҳимоявии" is one letter more).
    auto substitute = run_search(s, query("химояви"));
    REQUIRE(substitute.suggestion);
    CHECK(*substitute.suggestion == "ҳимоявӣ");
}
