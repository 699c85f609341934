// The stored record format (analysis/record_codec.h): what the indexer writes
// is what the search side reads back, field by field.
#include <doctest/doctest.h>

#include "analysis/record_codec.h"

using namespace himoya;

TEST_CASE("a provision record survives encode and decode") {
    StoredRecord r;
    r.id = "tj-law-tg/art_2";
    r.kind = "provision";
    r.document_id = "tj-law-tg";
    r.lang = "tg";
    r.year = 2013;
    r.original = true;
    r.legal_status = StoredLegalStatus{"in_force", "2013-03-19", {{"amended_by", "w", "2020", "u", "c"}}};
    r.topics = {"protection-orders"};
    r.mentions = {"domestic-violence"};
    r.unit_id = "art_2";
    r.text = "Ордери ҳимоявӣ";
    r.indexed = "2026-01-02T03:04:05.678Z";
    r.updated = "2026-02-03T04:05:06.789Z";
    std::optional<StoredRecord> back = decode_record(encode_record(r));
    REQUIRE(back);
    CHECK(back->id == r.id);
    CHECK(back->year == 2013);
    CHECK(back->original);
    REQUIRE(back->legal_status);
    CHECK(back->legal_status->relations.at(0).type == "amended_by");
    CHECK(back->topics == r.topics);
    CHECK(back->mentions == r.mentions);
    CHECK(back->text == r.text);
    CHECK(back->indexed == r.indexed);
    CHECK(back->updated == r.updated);
    CHECK(back->text_lang.empty());
    CHECK(encode_record(r).find("\"text_lang\"") == std::string::npos);  // only when it differs
    CHECK(encode_record(r).find("\"source\"") == std::string::npos);     // a document's field
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
