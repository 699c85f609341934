// The topics service (search/topic_service.h): the concept list with counts,
// and one concept's texts by jurisdiction.
#include <doctest/doctest.h>

#include "search/index_view.h"
#include "search/topic_service.h"
#include "test_index.h"

using namespace himoya;

TEST_CASE("list_topics counts the texts about each concept and names the top concepts") {
    testing::TestIndex index(testing::sample_documents(), testing::sample_thesaurus());
    IndexView view({index.path()});
    auto topics = list_topics(view);
    REQUIRE(topics);
    bool found = false;
    for (const TopicCount& c : topics->concepts)
        if (c.topic.id == "protection-orders") {
            found = true;
            CHECK(c.count >= 3);
            CHECK(c.topic.label("ru") == "охранный ордер");
        }
    CHECK(found);
    CHECK_FALSE(topics->top.empty());
}

TEST_CASE("topic_page shows each text once, in the interface language when it exists") {
    testing::TestIndex index(testing::sample_documents(), testing::sample_thesaurus());
    IndexView view({index.path()});
    auto page = topic_page(view, "protection-orders", 10, UiLanguage::ru);
    REQUIRE(page);
    CHECK(page->topic.id == "protection-orders");
    bool tajikistan = false;
    for (const TopicJurisdiction& place : page->by_jurisdiction)
        if (place.jurisdiction == "TJ") {
            tajikistan = true;
            REQUIRE(place.texts.size() == 1);  // the tg and ru versions are one text
            CHECK(place.texts[0].hit.lang == "ru");
            CHECK(place.texts[0].in_ui_language);
            REQUIRE(place.texts[0].other_versions.size() == 1);
            CHECK(place.texts[0].other_versions[0].lang == "tg");
        }
    CHECK(tajikistan);
    CHECK_FALSE(topic_page(view, "no-such-concept", 10));
}

TEST_CASE("without a thesaurus there are no topics") {
    testing::TestIndex index;
    IndexView view({index.path()});
    CHECK_FALSE(list_topics(view));
    CHECK_FALSE(topic_page(view, "protection-orders", 10));
}
