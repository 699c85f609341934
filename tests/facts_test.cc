// The facts service (search/facts.h): a fact table stored in the index's
// metadata comes back as it was stored; a missing one is nullopt.
#include <doctest/doctest.h>

#include <xapian.h>

#include "indexer/facts_reader.h"
#include "indexer/ingest_report.h"
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

TEST_CASE("fact_table cites each provision in the UI language where its text has a version in it") {
    using testing::make_document;
    testing::TestIndex index({make_document("tj-law-tg", "TJ", "tg", "law", "2013-03-19", "Қонун",
                                            {{"2", "Милиса ордери ҳимоявӣ медиҳад."}}, "tj-law"),
                              make_document("tj-law-ru", "TJ", "ru", "law", "2013-03-19", "Закон",
                                            {{"2", "Милиция выдаёт охранный ордер."}}, "tj-law"),
                              make_document("md-law-en", "MD", "en", "law", "2007-03-01", "Law",
                                            {{"5", "The court issues a protection order."}}, "md-law")});
    {
        Xapian::WritableDatabase db(index.path(), Xapian::DB_OPEN);
        db.set_metadata("facts:protection-orders",
                        R"({"topic":"protection-orders","fields":[{"key":"issuer","labels":{"en":"Who issues it"}}],)"
                        R"("jurisdictions":[{"code":"TJ","facts":{"issuer":{"value":{"en":"the police"},)"
                        R"("citations":[{"id":"tj-law-tg/art_2","label":"Article 2","heading":"","title":"Қонун",)"
                        R"("lang":"tg","document_id":"tj-law-tg","unit_id":"art_2"}]}}},)"
                        R"({"code":"MD","facts":{"issuer":{"value":{"en":"the court"},)"
                        R"("citations":[{"id":"md-law-en/art_5","label":"Article 5","heading":"","title":"Law",)"
                        R"("lang":"en","document_id":"md-law-en","unit_id":"art_5"}]}}}]})");
        db.commit();
    }
    IndexView view({index.path()});
    auto cited = [&](const std::string& ui, size_t place) {
        auto table = fact_table(view, "protection-orders", ui);
        REQUIRE(table);
        return table->jurisdictions.at(place).facts.at("issuer").citations.at(0);
    };
    CHECK(cited("", 0).id == "tj-law-tg/art_2");
    CHECK(cited("tg", 0).id == "tj-law-tg/art_2");
    StoredFactCitation ru = cited("ru", 0);
    CHECK(ru.id == "tj-law-ru/art_2");
    CHECK(ru.lang == "ru");
    CHECK(ru.document_id == "tj-law-ru");
    CHECK(ru.title == "Закон");
    // No English version of the Tajik law: the English page cites the Tajik text.
    CHECK(cited("en", 0).id == "tj-law-tg/art_2");
    // Moldova's text is only in English: every page cites it.
    CHECK(cited("ru", 1).id == "md-law-en/art_5");

    // A table citing two versions of one text cites it once in a language that has both.
    {
        Xapian::WritableDatabase db(index.path(), Xapian::DB_OPEN);
        db.set_metadata("facts:protection-orders",
                        R"({"topic":"protection-orders","fields":[{"key":"issuer","labels":{"en":"Who issues it"}}],)"
                        R"("jurisdictions":[{"code":"TJ","facts":{"issuer":{"value":{"en":"the police"},"citations":[)"
                        R"({"id":"tj-law-tg/art_2","label":"Article 2","heading":"","title":"Қонун","lang":"tg","document_id":"tj-law-tg","unit_id":"art_2"},)"
                        R"({"id":"tj-law-ru/art_2","label":"Статья 2","heading":"","title":"Закон","lang":"ru","document_id":"tj-law-ru","unit_id":"art_2"}]}}}]})");
        db.commit();
    }
    IndexView again({index.path()});
    auto both = [&](const std::string& ui) {
        return fact_table(again, "protection-orders", ui)->jurisdictions.at(0).facts.at("issuer").citations;
    };
    REQUIRE(both("ru").size() == 1);
    CHECK(both("ru")[0].id == "tj-law-ru/art_2");
    REQUIRE(both("tg").size() == 1);
    CHECK(both("tg")[0].id == "tj-law-tg/art_2");
    CHECK(both("").size() == 2);  // as stored
    CHECK(both("en").size() == 2);  // no English version: each as stored
}

TEST_CASE("fact_table_json cites a text once when the table cites two of its versions that resolve to one record") {
    FactTable table;
    table.topic = "protection-orders";
    Fact fact;
    fact.citations = {"law-en/art_1", "law-ru/art_1", "missing/art_9"};
    table.jurisdictions.push_back({"TJ", {{"issuer", fact}}});
    const nlohmann::json record = {{"id", "law-en/art_1"}, {"lang", "en"}};
    IngestReport report;
    nlohmann::json out = fact_table_json(table, {{"law-en/art_1", record}, {"law-ru/art_1", record}}, "facts.xml", report);
    const auto& cites = out["jurisdictions"][0]["facts"]["issuer"]["citations"];
    REQUIRE(cites.size() == 1);
    CHECK(cites[0]["id"] == "law-en/art_1");
    REQUIRE(report.problems.size() == 1);  // the unknown provision, named
    CHECK(report.problems[0].message.find("missing/art_9") != std::string::npos);
}

// A blank of the table rests on what is held (docs/corpus-format.md, "Extent"):
// a field whose concepts the jurisdiction's law in force covers in parts not
// held names that law; any other blank stays simply unknown, and a repealed
// law's parts not held do not count.
TEST_CASE("facts_not_held: a blank field whose concepts the law covers in parts not held names the act") {
    using testing::make_document;
    std::vector<Document> docs{make_document("tj-law-tg", "TJ", "tg", "law", "2013", "Қонун",
                                             {{"2", "Милиса ордери ҳимоявӣ медиҳад."}}, "tj-law"),
                               make_document("tj-law-ru", "TJ", "ru", "law", "2013", "Закон",
                                             {{"2", "Милиция выдаёт охранный ордер."}}, "tj-law"),
                               make_document("md-old", "MD", "en", "law", "2007", "Old Law",
                                             {{"5", "The court issues a protection order."}})};
    docs[0].not_held = docs[1].not_held = {"protection-order-duration"};
    docs[1].translation_of = "tj-law-tg";
    docs[2].not_held = {"protection-order-duration"};
    docs[2].legal_status.state = "repealed";
    testing::TestIndex index(docs, testing::sample_thesaurus());
    {
        Xapian::WritableDatabase db(index.path(), Xapian::DB_OPEN);
        db.set_metadata("facts:protection-orders",
                        R"({"topic":"protection-orders","fields":[)"
                        R"({"key":"issuer","labels":{"en":"Who issues it"},"concepts":["protection-order-procedure"]},)"
                        R"({"key":"duration","labels":{"en":"How long"},"concepts":["protection-order-duration"]},)"
                        R"({"key":"ex-parte","labels":{"en":"Ex parte"}}],)"
                        R"("jurisdictions":[{"code":"TJ","facts":{"issuer":{"value":{"en":"the police"},"citations":[]}}},)"
                        R"({"code":"MD","facts":{}}]})");
        db.commit();
    }
    IndexView view({index.path()});
    auto table = fact_table(view, "protection-orders");
    REQUIRE(table);
    CHECK(table->fields[1].concepts == std::vector<std::string>{"protection-order-duration"});
    FactsNotHeld blanks = facts_not_held(view, *table, UiLanguage::ru);
    REQUIRE(blanks.count("TJ"));
    CHECK(blanks["TJ"].size() == 1);  // not "issuer" (answered), not "ex-parte" (no concepts)
    REQUIRE(blanks["TJ"]["duration"].size() == 1);
    CHECK(blanks["TJ"]["duration"][0].document_id == "tj-law-ru");  // named in the UI language
    CHECK(blanks["TJ"]["duration"][0].title == "Закон");
    CHECK_FALSE(blanks.count("MD"));  // its only law is repealed
}
