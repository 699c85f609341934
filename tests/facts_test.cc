// The facts service (search/facts.h): a fact table stored in the index's
// metadata comes back as it was stored; a missing one is nullopt.
#include <doctest/doctest.h>

#include <xapian.h>

#include "search/facts.h"
#include "search/index_view.h"
#include "test_index.h"

using namespace himoya;

TEST_CASE("fact_table reads the table a topic has in the index metadata") {
    testing::TestIndex index;
    {
        Xapian::WritableDatabase db(index.path(), Xapian::DB_OPEN);
        db.set_metadata("facts:protection-orders",
                        R"({"topic":"protection-orders","fields":[{"key":"issuer","labels":{"en":"Who issues it"}}],)"
                        R"("jurisdictions":[{"code":"TJ","facts":{"issuer":{"value":{"en":"the police"},)"
                        R"("citations":[{"id":"tj-law-tg/art_2","label":"Article 2","heading":"","title":"Law",)"
                        R"("lang":"tg","document_id":"tj-law-tg","unit_id":"art_2"}]}}}]})");
        db.set_metadata("facts:broken", "{not json");
        db.commit();
    }
    IndexView view({index.path()});
    auto table = fact_table(view, "protection-orders");
    REQUIRE(table);
    CHECK(table->topic == "protection-orders");
    REQUIRE(table->fields.size() == 1);
    CHECK(table->fields[0].labels.at("en") == "Who issues it");
    REQUIRE(table->jurisdictions.size() == 1);
    const StoredFact& fact = table->jurisdictions[0].facts.at("issuer");
    CHECK(fact.value.at("en") == "the police");
    REQUIRE(fact.citations.size() == 1);
    CHECK(fact.citations[0].id == "tj-law-tg/art_2");
    CHECK(fact.citations[0].document_id == "tj-law-tg");
    CHECK(fact.citations[0].unit_id == "art_2");
    CHECK_FALSE(fact_table(view, "shelters"));
    CHECK_FALSE(fact_table(view, "broken"));
}
