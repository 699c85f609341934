// The documents service (search/document_service.h): a document with a page
// of its provisions, and the index's counts.
#include <doctest/doctest.h>

#include "search/document_service.h"
#include "search/index_view.h"
#include "test_index.h"

using namespace himoya;

TEST_CASE("find_document pages through the provisions and reports the page") {
    testing::TestIndex index;
    IndexView view({index.path()});
    auto page = find_document(view, "ba-law-en", 1, 2);
    REQUIRE(page);
    CHECK(page->document.id == "ba-law-en");
    CHECK(page->document.kind == "document");
    REQUIRE(page->provisions.size() == 2);
    CHECK(page->provisions[0].unit_id == "art_2");
    CHECK(page->provisions[1].unit_id == "art_3");
    CHECK(page->offset == 1);
    CHECK(page->limit == 2);
    CHECK(page->total == 4);
    auto all = find_document(view, "ba-law-en");
    REQUIRE(all);
    CHECK(all->limit == 4);  // no limit given: the total
    CHECK_FALSE(find_document(view, "ba-law-en/art_1"));  // a provision is not a document
}

TEST_CASE("find_document lists the other language versions of the work") {
    testing::TestIndex index;
    IndexView view({index.path()});
    auto page = find_document(view, "tj-law-tg");
    REQUIRE(page);
    REQUIRE(page->versions.size() == 1);
    CHECK(page->versions[0].id == "tj-law-ru");
    CHECK(page->versions[0].lang == "ru");
}

TEST_CASE("index_health counts document and provision records") {
    testing::TestIndex index;
    IndexView view({index.path()});
    IndexHealth health = index_health(view);
    CHECK(health.documents == 4);
    CHECK(health.provisions == 13);
}
