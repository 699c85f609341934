// IndexView (search/index_view.h): what one open index holds — the database,
// the thesaurus and tagger stored with it, and the labels read from it.
#include <doctest/doctest.h>

#include <stdexcept>

#include "search/index_view.h"
#include "test_index.h"

using namespace himoya;

TEST_CASE("a view opens the index with its thesaurus, tagger and topic labels") {
    testing::TestIndex index(testing::sample_documents(), testing::sample_thesaurus());
    IndexView view({index.path()});
    CHECK(view.db().get_doccount() == 17);  // 4 documents, 13 provisions
    REQUIRE(view.thesaurus() != nullptr);
    CHECK(view.thesaurus()->find("shelters") != nullptr);
    CHECK(view.tagger() != nullptr);
    CHECK(view.labels().label("topic", "shelters", "ru") == "приют");
    CHECK_FALSE(view.remote());
}

TEST_CASE("a view of an index without a thesaurus has neither thesaurus nor tagger") {
    testing::TestIndex index;
    IndexView view({index.path()});
    CHECK(view.thesaurus() == nullptr);
    CHECK(view.tagger() == nullptr);
    CHECK(view.labels().label("lang", "tg", "en") == "Tajik");
}

TEST_CASE("a view of a missing index throws a readable message naming the path") {
    std::string message;
    try {
        IndexView view({"/nonexistent/himoya-index"});
    } catch (const std::runtime_error& e) {
        message = e.what();
    }
    CHECK(message.find("cannot open index '/nonexistent/himoya-index'") != std::string::npos);
    CHECK_THROWS_AS(IndexView(std::vector<std::string>{}), std::runtime_error);
}
