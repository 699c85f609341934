// The stored record format: the data Xapian keeps with each record of the
// index (one per provision, one per whole document), beside the terms and
// values of term_scheme.h. The indexer writes it (indexer/record_builder.h),
// the search library reads it; this codec is the one place that knows its
// fields. The encoding is binary: a marker byte (0x01), then fields, each a
// one-byte tag, its length (LEB128) and its bytes, the last an empty end
// field (a record cut short does not read as a shorter one); an empty field is not
// written, a provision's id only when it is not "<document id>/<unit id>",
// and a reader skips tags it does not know. Per record, with the key names
// of the JSON it replaced, it was a fifth of the index (docs/scaling.md,
// "What each layer costs"). Records of an index written before (JSON, they
// begin with '{') are still read. Changing the encoding is a new index
// format: bump the hash salt in indexer/indexer.cc.
// Pure functions: safe from any thread.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace himoya {

struct StoredRelation {
    std::string type, work, date, url, citation;
};

struct StoredLegalStatus {
    std::string state, since;
    std::vector<StoredRelation> relations;
};

struct StoredSource {
    std::string official_title, number, url, publisher;
};

struct StoredRecord {
    // Every record: what it is and its document's metadata.
    std::string id;    // provision id or document id
    std::string kind;  // "provision" or "document"
    std::string document_id, title, jurisdiction, lang, type, date, body, body_id, text_status, work_id;
    std::string extent;  // "whole" or "selected" (indexer/document.h); "" in an index written before
    int year = 0;
    bool original = false;  // not a translation
    // No editor indexed its document (no unit markup): its provisions'
    // concepts are the tagger's (labels, and what indexed texts like them are
    // about), not an editor's reading (docs/thesaurus.md, "About and mentions").
    bool concepts_automatic = false;
    std::optional<StoredLegalStatus> legal_status;
    std::vector<std::string> topics;  // concepts it is about
    std::string text;  // a provision's text; a document's first few thousand bytes, for its snippet
    // When the document first entered the index and when its source last
    // changed (UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ"); a provision carries its
    // document's. "" in an index written before they were recorded.
    std::string indexed, updated;

    // Provision records only.
    std::string unit_id, unit_kind, num, heading, label;
    std::vector<std::string> mentions;  // concepts it only mentions
    std::string text_lang;              // the text's language when not the document's, else ""

    // Document records only.
    std::vector<std::string> audience;
    std::vector<std::pair<std::string, std::string>> aliases;  // (lang, popular name)
    std::vector<std::string> not_held;  // concepts the source regulates in parts not held
    std::string translation_of, format;
    size_t provision_count = 0;
    StoredSource source;
};

// The stored string of a record: the fields of its kind. A provision's
// string holds its own fields and its document id, not its document's
// metadata: that is stored once, in the document's record, and a reader
// puts it back with fill_document_fields (search/stored_records.h does).
std::string encode_record(const StoredRecord& record);
// A record from its stored string; nullopt if it cannot be read. A field
// missing from the string is left empty (zero, false).
std::optional<StoredRecord> decode_record(std::string_view stored);
// Copies the document's metadata (every field under "Every record" above
// but id, kind, document_id, topics and text) into a provision's record.
void fill_document_fields(StoredRecord& provision, const StoredRecord& document);

// A fact table as the indexer stores it in the index metadata under
// "facts:<topic>" (indexer/facts_reader.h, fact_table_json): facts per
// jurisdiction, each citing the provisions that state it.
struct StoredFactCitation {
    std::string id, label, heading, title, lang;
    std::string document_id, unit_id;  // where the provision is (its page's URL is the server's to build)
};

struct StoredFact {
    std::map<std::string, std::string> value;  // lang → text
    std::vector<StoredFactCitation> citations;
};

struct StoredFactField {
    std::string key;
    std::map<std::string, std::string> labels;  // lang → label
    std::vector<std::string> concepts;           // the thesaurus concepts it answers on
};

struct StoredFactJurisdiction {
    std::string code;
    std::map<std::string, StoredFact> facts;  // field key → fact
};

struct StoredFactTable {
    std::string topic;
    std::vector<StoredFactField> fields;
    std::vector<StoredFactJurisdiction> jurisdictions;
};

// A fact table from its stored string; nullopt if it cannot be read.
std::optional<StoredFactTable> decode_fact_table(std::string_view stored);

}  // namespace himoya
