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
    document.concepts_automatic = true;
    document.legal_status = StoredLegalStatus{"in_force", "2013-03-19", {{"amended_by", "w", "2020", "u", "c"}}};
    document.indexed = "2026-01-02T03:04:05.678Z";
    document.updated = "2026-02-03T04:05:06.789Z";
    document.extent = "whole";

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
    CHECK(back->extent.empty());
    CHECK_FALSE(back->legal_status);
    CHECK_FALSE(back->concepts_automatic);  // a document field: not in the provision's record
    CHECK(back->topics == r.topics);
    CHECK(back->mentions == r.mentions);
    CHECK(back->text == r.text);

    std::optional<StoredRecord> whole = decode_record(encode_record(document));
    REQUIRE(whole);
    fill_document_fields(*back, *whole);
    CHECK(back->title == "Қонун");
    CHECK(back->extent == "whole");
    CHECK(back->lang == "tg");
    CHECK(back->year == 2013);
    CHECK(back->original);
    CHECK(back->concepts_automatic);
    StoredRecord plain;
    plain.kind = "document";
    CHECK_FALSE(decode_record(encode_record(plain))->concepts_automatic);
    REQUIRE(back->legal_status);
    CHECK(back->legal_status->relations.at(0).type == "amended_by");
    CHECK(back->indexed == document.indexed);
    CHECK(back->updated == document.updated);
    CHECK(back->id == r.id);      // its own fields stay
    CHECK(back->text == r.text);
    CHECK(back->text_lang.empty());
    // Its id is its document's and its unit's: not stored, derived.
    CHECK(stored.find("tj-law-tg/art_2") == std::string::npos);
    CHECK(stored.find("https://") == std::string::npos);  // a document's source is not copied either
}

TEST_CASE("every field of both kinds of record comes back as it was written") {
    StoredRecord d;
    d.id = d.document_id = "md-law-45-ru";
    d.kind = "document";
    d.title = "Закон о предупреждении насилия в семье";
    d.jurisdiction = "MD";
    d.lang = "ru";
    d.type = "law";
    d.year = 2007;
    d.date = "2007-03-01";
    d.body = "Парламент";
    d.body_id = "md-parliament";
    d.text_status = "translation";
    d.work_id = "md-law-45";
    d.legal_status = StoredLegalStatus{"amended", "2016-07-28", {{"amended-by", "md-law-196", "2016", "https://e.x/1", "Закон 196"},
                                                                 {"amends", "", "", "", ""}}};
    d.topics = {"domestic-violence", "protection-orders"};
    d.text = std::string(300, 'x') + "\nконец";
    d.indexed = "2026-01-02T03:04:05.678Z";
    d.updated = "2026-02-03T04:05:06.789Z";
    d.audience = {"police", "judges"};
    d.aliases = {{"ru", "Закон о насилии"}, {"tg", "Қонуни зӯроварӣ"}};
    d.translation_of = "md-law-45-ro";
    d.format = "akn";
    d.extent = "selected";
    d.not_held = {"shelters", "protection-order-duration"};
    d.provision_count = 1234567;
    d.source = {"Lege nr. 45", "45", "https://legis.md/x", "Monitorul Oficial"};
    std::optional<StoredRecord> back = decode_record(encode_record(d));
    REQUIRE(back);
    CHECK(back->id == d.id);
    CHECK(back->kind == "document");
    CHECK(back->title == d.title);
    CHECK(back->jurisdiction == "MD");
    CHECK(back->year == 2007);
    CHECK(back->date == d.date);
    CHECK(back->body == d.body);
    CHECK(back->body_id == d.body_id);
    CHECK(back->text_status == d.text_status);
    CHECK(back->work_id == d.work_id);
    CHECK_FALSE(back->original);
    REQUIRE(back->legal_status);
    CHECK(back->legal_status->state == "amended");
    CHECK(back->legal_status->since == "2016-07-28");
    REQUIRE(back->legal_status->relations.size() == 2);
    CHECK(back->legal_status->relations[0].citation == "Закон 196");
    CHECK(back->legal_status->relations[0].url == "https://e.x/1");
    CHECK(back->legal_status->relations[1].type == "amends");
    CHECK(back->topics == d.topics);
    CHECK(back->text == d.text);
    CHECK(back->indexed == d.indexed);
    CHECK(back->updated == d.updated);
    CHECK(back->audience == d.audience);
    CHECK(back->aliases == d.aliases);
    CHECK(back->translation_of == d.translation_of);
    CHECK(back->format == "akn");
    CHECK(back->extent == "selected");
    CHECK(back->not_held == d.not_held);
    CHECK(back->provision_count == 1234567);
    CHECK(back->source.official_title == "Lege nr. 45");
    CHECK(back->source.publisher == "Monitorul Oficial");

    StoredRecord p;
    p.kind = "provision";
    p.document_id = "md-law-45-ru";
    p.id = "md-law-45-ru/art_11-bis";  // the reader's way: document id, "/", unit id
    p.unit_id = "art_11-bis";
    p.unit_kind = "article";
    p.num = "11¹";
    p.heading = "Защитное предписание";
    p.label = "Статья 11¹";
    p.topics = {"protection-orders"};
    p.mentions = {"police-response", "courts"};
    p.text = std::string(200, 'a');  // a length over 127 takes two bytes
    p.text_lang = "ro";
    back = decode_record(encode_record(p));
    REQUIRE(back);
    CHECK(back->id == p.id);
    CHECK(back->kind == "provision");
    CHECK(back->unit_id == p.unit_id);
    CHECK(back->unit_kind == "article");
    CHECK(back->num == p.num);
    CHECK(back->heading == p.heading);
    CHECK(back->label == p.label);
    CHECK(back->mentions == p.mentions);
    CHECK(back->text == p.text);
    CHECK(back->text_lang == "ro");

    // An id made otherwise (a test's, an older reader's) is stored as it is.
    p.id = "elsewhere";
    back = decode_record(encode_record(p));
    REQUIRE(back);
    CHECK(back->id == "elsewhere");
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
    CHECK_FALSE(back->legal_status);  // none written, none read
}

TEST_CASE("stored data cut short or garbled decodes to nothing, never to a wrong record") {
    StoredRecord r;
    r.kind = "provision";
    r.document_id = "tj-law-tg";
    r.unit_id = "art_1";
    r.id = "tj-law-tg/art_1";
    r.text = "Моддаи 1. Мафҳумҳои асосӣ";
    const std::string stored = encode_record(r);
    REQUIRE(decode_record(stored));
    for (size_t cut = 0; cut < stored.size(); ++cut) CHECK_FALSE(decode_record(stored.substr(0, cut)));
    std::string bad_year = stored.substr(0, stored.size() - 2);  // before the end field
    bad_year += '\x08';  // the year field
    bad_year += '\x02';
    bad_year += "2x";
    bad_year += stored.substr(stored.size() - 2);
    CHECK_FALSE(decode_record(bad_year));
    // A field of a later format is skipped.
    std::string later = stored.substr(0, stored.size() - 2);
    later += '\x7f';
    later += '\x01';
    later += 'z';
    later += stored.substr(stored.size() - 2);
    std::optional<StoredRecord> skipped = decode_record(later);
    REQUIRE(skipped);
    CHECK(skipped->text == r.text);
}

TEST_CASE("records of an index written before the binary format (JSON) still read") {
    std::optional<StoredRecord> old = decode_record(
        R"({"document_id":"tj-law-tg","id":"tj-law-tg/art_2","kind":"provision","topics":["protection-orders"],)"
        R"("text":"Ордери ҳимоявӣ","unit_id":"art_2","mentions":[]})");
    REQUIRE(old);
    CHECK(old->id == "tj-law-tg/art_2");
    CHECK(old->kind == "provision");
    CHECK(old->topics == std::vector<std::string>{"protection-orders"});
    CHECK(old->text == "Ордери ҳимоявӣ");
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
