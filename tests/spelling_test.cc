// Spelling across the three languages: "did you mean" from the index's own
// words in Tajik, Russian and English (search/spelling_suggestion.h), never a
// correctly spelled word rewritten into another form of its stem;
// keyboard-substitute and Latin-script Tajik queries reach correctly spelled
// Tajik text.
#include <doctest/doctest.h>

#include "analysis/analyzer.h"
#include "search/index_view.h"
#include "search/search_service.h"
#include "search/spelling_suggestion.h"
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

TEST_CASE("did you mean: a Russian or English word the index holds through its stem is not rewritten into another form of it") {
    // The QA tester's questions: each word is spelled right, only in a form no
    // text has; the suggestion was the form the texts have (участковые,
    // пособий, потерпевшего …), which read as correcting the reader's grammar.
    testing::TestIndex index(
        {testing::make_document("ru", "TJ", "ru", "guide", "2019-01-01", "Пособие",
                                {{"1", "Участковые инспекторы выезжают на вызов."},
                                 {"2", "Пособий для милиции мало; кризисный центр в Худжанде."},
                                 {"3", "Права потерпевшего при допросе. Такой стандарт существует."},
                                 {"4", "Число мест по количестве жителей."}}),
         testing::make_document("en", "GE", "en", "guide", "2019-01-01", "Guide",
                                {{"1", "A training material for the police."}})});
    IndexView s({index.path()});
    for (const std::string q : {"участковый", "вызове", "пособие для милиции", "кризисный центр худжанд",
                                "допросе потерпевшей", "существуют по количеству",
                                "что должен делать участковый при вызове", "training materials for police"}) {
        CAPTURE(q);
        CHECK_FALSE(run_search(s, query(q)).suggestion);
    }
    // A slip is still corrected, to the form the texts have.
    auto slip = run_search(s, query("участкавые"));
    REQUIRE(slip.suggestion);
    CHECK(*slip.suggestion == "участковые");
    auto english = run_search(s, query("trainng"));
    REQUIRE(english.suggestion);
    CHECK(*english.suggestion == "training");
}

TEST_CASE("did you mean: a Tajik word typed with keyboard substitutes gets every Tajik letter back, in the form typed") {
    testing::TestIndex index(
        {testing::make_document("tg", "TJ", "tg", "code", "2006-01-01", "Кодекс",
                                {{"1", "Таҷовуз дар никоҳ ҷиноят аст."},
                                 {"2", "Никоҳ дар мақомоти давлатӣ ба қайд гирифта мешавад."},
                                 {"3", "Ҳуқуқи ҷабрдида ҳифз карда мешавад."},
                                 {"4", "Барномаи давлатӣ ва сиёсати давлати Тоҷикистон."}}),
         // A Russian text writes the Tajik word in Russian letters: никох is
         // in the index as typed, but no Tajik text writes it so.
         testing::make_document("ru", "TJ", "ru", "code", "2006-01-01", "Кодекс",
                                {{"1", "Брак по религиозному обряду (никох) не имеет силы."}})});
    IndexView s({index.path()});
    auto both = run_search(s, query("тачовуз дар никох"));
    REQUIRE(both.suggestion);
    CHECK(*both.suggestion == "таҷовуз дар никоҳ");
    // A form no text has keeps its ending: the izofat of таҷовузи, the
    // plural and object ending of ҷабрдидаҳоро (the Tajik stemmer knows them).
    auto izofat = run_search(s, query("тачовузи"));
    REQUIRE(izofat.suggestion);
    CHECK(*izofat.suggestion == "таҷовузи");
    auto plural = run_search(s, query("чабрдидахоро"));
    REQUIRE(plural.suggestion);
    CHECK(*plural.suggestion == "ҷабрдидаҳоро");
    // Spelled right, in its Tajik letters or as a Tajik text writes it: left alone.
    for (const std::string q : {"ҷабрдидаро", "никоҳи", "давлати"}) {
        CAPTURE(q);
        CHECK_FALSE(run_search(s, query(q)).suggestion);
    }
    // In a Russian query никох is the Russian text's word.
    CHECK_FALSE(run_search(s, query("брак никох")).suggestion);
    // A Tajik letter typed elsewhere is on the writer's keyboard: its
    // substitute is meant as typed ("давлати" beside "ҷабрдида" stays the
    // izofat, not давлатӣ), the letters the writer did not type are given back.
    auto typed_letters = run_search(s, query("хукуки ҷабрдида давлати"));
    REQUIRE(typed_letters.suggestion);
    CHECK(*typed_letters.suggestion == "ҳуқуқи ҷабрдида давлати");
}

TEST_CASE("did you mean: a Tajik letter typed anywhere in the query means its substitute elsewhere is meant as typed") {
    // The texts write only телефонӣ (the adjective); телефони (its izofat)
    // is in none of them.
    testing::TestIndex index({testing::make_document(
        "tg", "TJ", "tg", "law", "2013-01-01", "Қонун",
        {{"1", "Хизматрасонии телефонӣ барои ҷабрдидагон ройгон аст."}, {"2", "Ҳуқуқи ҷабрдида ҳифз карда мешавад."}})});
    IndexView s({index.path()});
    // No ӣ typed: the final и may be its substitute, and gets its letter back.
    auto without = run_search(s, query("телефони ҷабрдидагон"));
    REQUIRE(without.suggestion);
    CHECK(*without.suggestion == "телефонӣ ҷабрдидагон");
    // ӣ typed in ҳуқуқӣ: the writer has the key, телефони is the izofat they meant.
    auto with = run_search(s, query("телефони ҷабрдидагон ҳуқуқӣ"));
    CHECK((!with.suggestion || with.suggestion->find("телефонӣ") == std::string::npos));
    // Letters not typed anywhere are still given back beside it.
    auto mixed = run_search(s, query("телефони хукуки ҷабрдида ройгонӣ"));
    REQUIRE(mixed.suggestion);
    CHECK(*mixed.suggestion == "телефони ҳуқуқи ҷабрдида ройгонӣ");
}

TEST_CASE("did you mean: a place named without its Tajik letters gets them back, in the case typed") {
    testing::TestIndex index({testing::make_document("tg", "TJ", "tg", "law", "2013-01-01", "Қонун",
                                                     {{"1", "Зӯроварӣ дар оила дар Тоҷикистон манъ аст."}})});
    testing::give_place_names(index);
    IndexView s({index.path()});
    auto r = run_search(s, query("зуровари дар оила дар Точикистон"));
    REQUIRE(r.suggestion);
    CHECK(*r.suggestion == "зӯроварӣ дар оила дар Тоҷикистон");
    CHECK(r.interpretation.jurisdictions == std::vector<std::string>{"TJ"});
}

TEST_CASE("same_stem tells another form of a word from another word; restore_tajik_letters keeps the ending typed") {
    Analyzer a;
    CHECK(same_stem(a, "участковый", "участковые"));
    CHECK(same_stem(a, "потерпевшей", "потерпевшего"));
    CHECK(same_stem(a, "вызове", "вызов"));  // вызов stems to выз, but is the stem of вызове
    CHECK(same_stem(a, "materials", "material"));
    CHECK(same_stem(a, "никохи", "никоҳ"));  // Tajik letters folded
    CHECK_FALSE(same_stem(a, "охраный", "охранный"));
    CHECK_FALSE(same_stem(a, "пострадавшму", "пострадавшему"));
    CHECK_FALSE(same_stem(a, "sheltrs", "shelters"));
    CHECK_FALSE(same_stem(a, "ҷабрдидда", "ҷабрдида"));
    CHECK(restore_tajik_letters("никохи", "никоҳ") == "никоҳи");
    CHECK(restore_tajik_letters("ҳуқуки", "ҳуқуқ") == "ҳуқуқи");
    CHECK(restore_tajik_letters("зуроварии", "зӯроварӣ") == "зӯроварии");  // ӣ only ends a word
    CHECK(restore_tajik_letters("зуровари", "зӯроварӣ") == "зӯроварӣ");
    CHECK(restore_tajik_letters("пособие", "пособий") == "пособие");  // no Tajik letter to give
}

TEST_CASE("did you mean: a word of a Russian query is not made a Tajik word") {
    // "қабили" (Tajik, "before") is two edits from "избили" (Russian, "beat"):
    // a Russian reader gets no Tajik suggestion.
    testing::TestIndex index({testing::make_document("tg", "TJ", "tg", "law", "2020-01-01", "Қонун",
                                                     {{"1", "Қабили қабули қарор ҷабрдида шунида мешавад."}}),
                              testing::make_document("ru", "TJ", "ru", "law", "2020-01-01", "Закон",
                                                     {{"1", "Суд выдал ордер жене."}})});
    IndexView s({index.path()});
    auto r = run_search(s, query("избили жену"));
    CHECK_FALSE(r.suggestion);
    // A slip of a Russian word is still corrected into Russian.
    auto typo = run_search(s, query("ордир жену"));
    REQUIRE(typo.suggestion);
    CHECK(*typo.suggestion == "ордер жену");
}

TEST_CASE("did you mean: a word the lexicon knows is not respelled, and two edits never change the first letter") {
    testing::TestIndex index({testing::make_document("tg", "TJ", "tg", "report", "2020-01-01", "Гузориш",
                                                     {{"1", "Узвҳои таносули занона зарар дидаанд."},
                                                      {"2", "Шавҳар ба ӯ кор мекунад."}})});
    {
        // The lexicon's entry for "мезанад" ("beats"), as the indexer writes it (analysis/lexicon.h).
        Xapian::WritableDatabase db(index.path(), Xapian::DB_OPEN);
        Analyzer a;
        db.add_synonym(std::string(terms::kTranslation) + a.stem("мезанад", "tg"), a.stem("beat", "en"));
        db.commit();
    }
    IndexView s({index.path()});
    // "мезанад" is two edits from "мекунад", which the texts hold; the lexicon knows it.
    CHECK_FALSE(run_search(s, query("шавҳар мезанад")).suggestion);
    // "кайнона" is two edits from "занона", its first letter changed: another word.
    CHECK_FALSE(run_search(s, query("кайнона")).suggestion);
    // A slip two edits away that keeps the first letter is still corrected.
    auto slip = run_search(s, query("занонаво"));
    REQUIRE(slip.suggestion);
    CHECK(*slip.suggestion == "занона");
}
