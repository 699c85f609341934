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
