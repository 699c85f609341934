// The related service (search/related.h): practice passages and law
// provisions that share concepts with a provision.
#include <doctest/doctest.h>

#include "search/index_view.h"
#include "search/related.h"
#include "test_index.h"

using namespace himoya;

TEST_CASE("related_passages links a law provision to practice sharing its concepts") {
    testing::TestIndex index(testing::sample_documents(), testing::sample_thesaurus());
    IndexView view({index.path()});
    auto related = related_passages(view, "ba-law-en/art_4", 5, UiLanguage::ru);
    REQUIRE(related);
    CHECK(related->id == "ba-law-en/art_4");
    REQUIRE_FALSE(related->concepts.empty());
    CHECK(related->concepts[0].label == "охранный ордер");
    for (const SearchHit& hit : related->law) CHECK(hit.document_id != "ba-law-en");  // not its own work
    for (const SearchHit& hit : related->practice) CHECK(hit.type == "report");
    CHECK_FALSE(related_passages(view, "no-such/art_1", 5, UiLanguage::en));
}

TEST_CASE("related_passages refuses a limit outside 1..50") {
    testing::TestIndex index(testing::sample_documents(), testing::sample_thesaurus());
    IndexView view({index.path()});
    CHECK_THROWS_AS(related_passages(view, "ba-law-en/art_4", 0, UiLanguage::en), BadRequest);
    CHECK_THROWS_AS(related_passages(view, "ba-law-en/art_4", 51, UiLanguage::en), BadRequest);
}

TEST_CASE("related_passages lists each text once, in the interface language where it has a version in it") {
    // The UN handbook passage in three languages, the Georgian law in two: one hit each.
    std::vector<Document> docs;
    for (const char* lang : {"en", "ru", "tg"}) {
        const std::string l(lang);
        docs.push_back(testing::make_document("tj-law-" + l, "TJ", l, "law", "2013-03-19", "Law",
                                              {{"1", l == "en" ? "The police issue a protection order."
                                                 : l == "ru" ? "Милиция выдаёт охранный ордер."
                                                             : "Милиса ордери ҳимоявӣ медиҳад."}},
                                              "tj-law"));
        docs.push_back(testing::make_document("handbook-" + l, "INT", l, "guide", "2012-01-01", "Handbook",
                                              {{"3", l == "en" ? "A protection order should be available at once."
                                                 : l == "ru" ? "Охранный ордер должен быть доступен сразу."
                                                             : "Ордери ҳимоявӣ бояд фавран дастрас бошад."}},
                                              "handbook"));
    }
    for (const char* lang : {"en", "ru"}) {
        const std::string l(lang);
        docs.push_back(testing::make_document("ge-law-" + l, "GE", l, "law", "2006-05-25", "Law",
                                              {{"10", l == "en" ? "A court issues a protection order." : "Суд выдаёт охранный ордер."}},
                                              "ge-law"));
    }
    for (Document& d : docs)
        for (Provision& p : d.provisions) p.topics = {"protection-orders"};
    testing::TestIndex index(docs, testing::sample_thesaurus());
    IndexView view({index.path()});
    for (UiLanguage ui : {UiLanguage::en, UiLanguage::ru, UiLanguage::tg}) {
        auto related = related_passages(view, "tj-law-en/art_1", 10, ui);
        REQUIRE(related);
        REQUIRE(related->practice.size() == 1);
        REQUIRE(related->law.size() == 1);
        const std::string want(name(ui));
        CHECK(related->practice[0].lang == want);
        CHECK(related->practice[0].version_group == "handbook/art_3");
        CHECK(related->practice[0].versions.size() == 2);
        CHECK(related->law[0].document_id.rfind("ge-law-", 0) == 0);
        if (ui == UiLanguage::tg) CHECK((related->law[0].lang == "en" || related->law[0].lang == "ru"));  // no Tajik version
        else CHECK(related->law[0].lang == want);
    }
}

