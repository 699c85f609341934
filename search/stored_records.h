// Internal to the search library: reading the records the indexer stored
// (analysis/record_codec.h) — the record-kind terms, a record's stored data as
// a hit, a document record by id and the other language versions of a
// document. Functions of one open database; thread-safety is the database's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/record_codec.h"
#include "search/compare.h"  // DocumentVersion
#include "search/search_types.h"

namespace himoya::detail {

// The boolean term of every record of a kind ("document", "provision").
std::string record_term(const char* kind);
// The stored data of a Xapian record of `db`, a provision's with its
// document's metadata filled in from the document record (read once per
// document and kept in a small per-thread cache for the database's current
// state); nullopt if it cannot be read.
std::optional<StoredRecord> stored_record(const Xapian::Database& db, const Xapian::Document& record);
// Hit fields from a record's stored data (no snippet, no score).
SearchHit hit_from_data(const StoredRecord& data);
// The stored data of a document record (not a provision), if there is one.
std::optional<StoredRecord> document_data(const Xapian::Database& db, const std::string& document_id);
// The other language versions of a document (records of the same work).
std::vector<DocumentVersion> versions_of(const Xapian::Database& db, const StoredRecord& document);

}  // namespace himoya::detail
