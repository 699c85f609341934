// The stored record format (analysis/record_codec.h): what the indexer writes
// is what the search side reads back, field by field.
#include <doctest/doctest.h>

#include "analysis/record_codec.h"

using namespace himoya;

TEST_CASE("a provision record keeps its own fields; its document's come from the document record") {
    StoredRecord document;
    document.id = document.document_id = "tj-law-tg";
    document.kind = "document";
    document.title = "Қонун";
    document.lang = "tg";
    document.year = 2013;
    document.original = true;
    document.legal_status = StoredLegalStatus{"in_force", "2013-03-19", {{"amended_by", "w", "2020", "u", "c"}}};
    document.indexed = "2026-01-02T03:04:05.678Z";
    document.updated = "2026-02-03T04:05:06.789Z";

    StoredRecord r = document;
    r.id = "tj-law-tg/art_2";
    r.kind = "provision";
    r.topics = {"protection-orders"};
    r.mentions = {"domestic-violence"};
    r.unit_id = "art_2";
    r.text = "Ордери ҳимоявӣ";
    const std::string stored = encode_record(r);
    // The document's metadata is not repeated in each provision's record.
    CHECK(stored.find("Қонун") == std::string::npos);
    CHECK(stored.find("legal_status") == std::string::npos);
    CHECK(stored.find("2026-01-02") == std::string::npos);
    std::optional<StoredRecord> back = decode_record(stored);
    REQUIRE(back);
    CHECK(back->id == r.id);
    CHECK(back->document_id == "tj-law-tg");
    CHECK(back->title.empty());
    CHECK_FALSE(back->legal_status);
    CHECK(back->topics == r.topics);
    CHECK(back->mentions == r.mentions);
    CHECK(back->text == r.text);

    std::optional<StoredRecord> whole = decode_record(encode_record(document));
    REQUIRE(whole);
    fill_document_fields(*back, *whole);
    CHECK(back->title == "Қонун");
    CHECK(back->lang == "tg");
    CHECK(back->year == 2013);
    CHECK(back->original);
    REQUIRE(back->legal_status);
    CHECK(back->legal_status->relations.at(0).type == "amended_by");
    CHECK(back->indexed == document.indexed);
    CHECK(back->updated == document.updated);
    CHECK(back->id == r.id);      // its own fields stay
    CHECK(back->text == r.text);
    CHECK(back->text_lang.empty());
    CHECK(stored.find("\"text_lang\"") == std::string::npos);  // only when it differs
    CHECK(stored.find("\"source\"") == std::string::npos);     // a document's field
}

TEST_CASE("a document record keeps its source and provision count") {
    StoredRecord r;
    r.id = r.document_id = "ba-law-en";
    r.kind = "document";
    r.provision_count = 4;
    r.source = {"Official title", "No. 1", "https://example.org", "Gazette"};
    std::optional<StoredRecord> back = decode_record(encode_record(r));
    REQUIRE(back);
    CHECK(back->provision_count == 4);
    CHECK(back->source.url == "https://example.org");
    CHECK_FALSE(back->legal_status);
    CHECK(encode_record(r).find("\"legal_status\":null") != std::string::npos);
}

TEST_CASE("unreadable stored data decodes to nothing; missing fields to empty") {
    CHECK_FALSE(decode_record("{not json"));
    CHECK_FALSE(decode_fact_table("[]"));
    std::optional<StoredRecord> sparse = decode_record(R"({"id":"x"})");
    REQUIRE(sparse);
    CHECK(sparse->id == "x");
    CHECK(sparse->title.empty());
    CHECK_FALSE(sparse->original);
}
