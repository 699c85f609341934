// The search service (search/search_service.h): a request over one view comes
// back as hits, counts and facets; a bad request is refused.
#include <doctest/doctest.h>

#include "search/index_view.h"
#include "search/search_service.h"
#include "test_index.h"

using namespace himoya;

TEST_CASE("run_search answers a query with texts, one hit per text and its other versions") {
    testing::TestIndex index;
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "насилие";
    r.scope = Scope::provision;
    SearchResult result = run_search(view, r);
    CHECK(result.total >= 1);
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits[0].lang == "ru");
    CHECK(result.hits[0].document_id == "tj-law-ru");
    CHECK(result.facets.count("jurisdiction") == 1);
}

TEST_CASE("run_search browses texts by date when there is no query, language versions as one") {
    testing::TestIndex index;
    IndexView view({index.path()});
    SearchResult result = run_search(view, SearchRequest{});
    CHECK(result.total == 3);  // tj-law-tg and tj-law-ru are one text
    CHECK(result.total_versions == 4);
    REQUIRE(result.hits.size() == 3);
    CHECK(result.hits[0].id == "ge-report-en");  // the newest first
}

TEST_CASE("run_search refuses an invalid request with BadRequest") {
    testing::TestIndex index;
    IndexView view({index.path()});
    SearchRequest r;
    r.page = 0;
    CHECK_THROWS_AS(run_search(view, r), BadRequest);
}

TEST_CASE("request choices parse from their API names and refuse others, naming the accepted ones") {
    CHECK(parse_enum<SortOrder>("date", "sort") == SortOrder::date);
    CHECK(parse_enum<Scope>("", "scope") == Scope::automatic);
    CHECK(parse_enum<QueryLanguage>("auto", "qlang") == QueryLanguage::automatic);
    CHECK(parse_enum<UiLanguage>("tg", "ui") == UiLanguage::tg);
    for (VersionMode v : {VersionMode::group, VersionMode::separate})
        CHECK(parse_enum<VersionMode>(name(v), "versions") == v);
    try {
        parse_enum<SortOrder>("newest", "sort");
        FAIL("accepted an unknown sort");
    } catch (const BadRequest& e) {
        CHECK(std::string(e.what()) == "sort must be relevance, date or indexed");
    }
    CHECK_THROWS_AS(parse_enum<UiLanguage>("EN", "ui"), BadRequest);  // names are exact
    CHECK_THROWS_AS(parse_enum<Scope>("documents", "scope"), BadRequest);
}
